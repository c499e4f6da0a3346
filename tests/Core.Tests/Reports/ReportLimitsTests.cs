using Microsoft.Extensions.Options;
using Timpora.Core.Reports;
using Timpora.Core.Tests.Support;
using Timpora.Testing;

namespace Timpora.Core.Tests.Reports;

/// <summary>The reporter's limits kept in memory: reports per day, wrong receipt codes, and the opened report's half hour.</summary>
public sealed class ReportLimitsTests
{
    // Conversations are keyed by their pseudonym, which exists from a chat's very first message.
    private const string Alice = "9b1f0c2e7a44d3b8alice";
    private const string Bob = "51d7e8a0c3f29b6ebob";
    private const long FirstReport = 501;
    private const long SecondReport = 502;

    private readonly FakeTimeProvider _clock = new(Some.Now);

    private DateTimeOffset Now => _clock.GetUtcNow();

    // Reports per day

    [Fact]
    public void Allows_five_reports_in_a_day_and_refuses_the_sixth()
    {
        var quota = Quota();

        for (var i = 0; i < 5; i++)
        {
            Assert.True(quota.Allows(Alice, Now));
            quota.Count(Alice, Now);
            _clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.False(quota.Allows(Alice, Now));
    }

    [Fact]
    public void Takes_the_daily_limit_from_the_settings()
    {
        var quota = Quota(dailyLimit: 2);
        quota.Count(Alice, Now);
        Assert.True(quota.Allows(Alice, Now));

        quota.Count(Alice, Now);

        Assert.False(quota.Allows(Alice, Now));
    }

    [Fact]
    public void A_report_stops_counting_exactly_24_hours_after_it_was_sent()
    {
        var quota = Quota();
        var first = Now;
        quota.Count(Alice, first);
        _clock.Advance(TimeSpan.FromHours(3));
        for (var i = 0; i < 4; i++)
        {
            quota.Count(Alice, Now);
        }

        Assert.False(quota.Allows(Alice, first.AddHours(24).AddTicks(-1)));
        Assert.True(quota.Allows(Alice, first.AddHours(24)));

        // The window slides: the four later ones still count until 27 hours after the first.
        quota.Count(Alice, first.AddHours(24));
        Assert.False(quota.Allows(Alice, first.AddHours(27).AddTicks(-1)));
        Assert.True(quota.Allows(Alice, first.AddHours(27)));
    }

    [Fact]
    public void Each_conversation_has_its_own_count()
    {
        var quota = Quota();
        for (var i = 0; i < 5; i++)
        {
            quota.Count(Alice, Now);
        }

        Assert.False(quota.Allows(Alice, Now));
        Assert.True(quota.Allows(Bob, Now));
    }

    [Fact]
    public void A_conversation_whose_reports_are_all_old_starts_from_zero_after_others_are_counted()
    {
        var quota = Quota();
        for (var i = 0; i < 5; i++)
        {
            quota.Count(Alice, Now);
        }

        // Counting someone else a day later sweeps Alice's old times away; she must not be refused for them.
        _clock.Advance(TimeSpan.FromHours(25));
        quota.Count(Bob, Now);

        Assert.True(quota.Allows(Alice, Now));
    }

    // Wrong receipt codes

    [Fact]
    public void Three_wrong_codes_cost_no_waiting()
    {
        var attempts = new ReceiptAttempts();

        for (var i = 0; i < ReceiptAttempts.FreeMisses; i++)
        {
            Assert.Equal(TimeSpan.Zero, attempts.WaitBeforeTrying(Alice, Now));
            attempts.Missed(Alice, Now);
        }

        Assert.Equal(3, ReceiptAttempts.FreeMisses);
    }

    [Fact]
    public void After_three_wrong_codes_the_next_try_waits_one_minute_counted_from_the_last_miss()
    {
        var attempts = Missed(new ReceiptAttempts(), Alice, 3);

        Assert.Equal(TimeSpan.FromMinutes(1), attempts.WaitBeforeTrying(Alice, Now));
        Assert.Equal(TimeSpan.FromSeconds(20), attempts.WaitBeforeTrying(Alice, Now.AddSeconds(40)));
        Assert.Equal(TimeSpan.Zero, attempts.WaitBeforeTrying(Alice, Now.AddMinutes(1)));
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(5, 4)]
    [InlineData(6, 8)]
    [InlineData(7, 16)]
    [InlineData(8, 32)]
    [InlineData(9, 60)]
    [InlineData(10, 60)]
    [InlineData(40, 60)]
    public void Each_further_miss_doubles_the_wait_up_to_an_hour(int misses, int minutes)
    {
        var attempts = Missed(new ReceiptAttempts(), Alice, misses);

        Assert.Equal(TimeSpan.FromMinutes(minutes), attempts.WaitBeforeTrying(Alice, Now));
    }

    [Fact]
    public void A_right_code_clears_the_misses()
    {
        var attempts = Missed(new ReceiptAttempts(), Alice, 5);

        attempts.Matched(Alice);

        Assert.Equal(TimeSpan.Zero, attempts.WaitBeforeTrying(Alice, Now));
        Missed(attempts, Alice, 2);
        Assert.Equal(TimeSpan.Zero, attempts.WaitBeforeTrying(Alice, Now));
    }

    [Fact]
    public void Misses_are_forgiven_after_a_day_and_counting_starts_again()
    {
        var attempts = Missed(new ReceiptAttempts(), Alice, 8);
        _clock.Advance(TimeSpan.FromHours(24));

        Assert.Equal(TimeSpan.Zero, attempts.WaitBeforeTrying(Alice, Now));
        Missed(attempts, Alice, 1);
        Assert.Equal(TimeSpan.Zero, attempts.WaitBeforeTrying(Alice, Now));
    }

    [Fact]
    public void Misses_of_one_conversation_do_not_slow_another()
    {
        var attempts = Missed(new ReceiptAttempts(), Alice, 6);

        Assert.Equal(TimeSpan.Zero, attempts.WaitBeforeTrying(Bob, Now));
        attempts.Matched(Bob);
        Assert.NotEqual(TimeSpan.Zero, attempts.WaitBeforeTrying(Alice, Now));
    }

    // The opened report

    [Fact]
    public void Remembers_the_opened_report_for_thirty_minutes_of_quiet()
    {
        var sessions = new StatusSessions();
        sessions.Open(Alice, FirstReport, Now);

        Assert.Equal(FirstReport, sessions.Current(Alice, Now.AddMinutes(30).AddTicks(-1)));
        Assert.Equal(TimeSpan.FromMinutes(30), StatusSessions.Lifetime);
    }

    [Fact]
    public void Forgets_the_report_after_thirty_minutes_of_quiet_for_good()
    {
        var sessions = new StatusSessions();
        sessions.Open(Alice, FirstReport, Now);

        Assert.Null(sessions.Current(Alice, Now.AddMinutes(30)));
        Assert.Null(sessions.Current(Alice, Now.AddMinutes(30)));
    }

    [Fact]
    public void Every_use_starts_the_half_hour_again()
    {
        var sessions = new StatusSessions();
        sessions.Open(Alice, FirstReport, Now);

        Assert.Equal(FirstReport, sessions.Current(Alice, Now.AddMinutes(25)));
        Assert.Equal(FirstReport, sessions.Current(Alice, Now.AddMinutes(50)));
        Assert.Equal(FirstReport, sessions.Current(Alice, Now.AddMinutes(79)));
        Assert.Null(sessions.Current(Alice, Now.AddMinutes(109)));
    }

    [Fact]
    public void Close_forgets_the_report_at_once()
    {
        var sessions = new StatusSessions();
        sessions.Open(Alice, FirstReport, Now);

        sessions.Close(Alice);

        Assert.Null(sessions.Current(Alice, Now));
    }

    [Fact]
    public void Conversations_do_not_see_each_others_reports()
    {
        var sessions = new StatusSessions();
        sessions.Open(Alice, FirstReport, Now);

        Assert.Null(sessions.Current(Bob, Now));
        sessions.Open(Bob, SecondReport, Now);
        sessions.Close(Bob);
        Assert.Equal(FirstReport, sessions.Current(Alice, Now));
    }

    [Fact]
    public void Opening_another_report_replaces_the_first()
    {
        var sessions = new StatusSessions();
        sessions.Open(Alice, FirstReport, Now);

        sessions.Open(Alice, SecondReport, Now.AddMinutes(1));

        Assert.Equal(SecondReport, sessions.Current(Alice, Now.AddMinutes(2)));
    }

    private static ReportQuota Quota(int dailyLimit = 5) => new(Options.Create(new ReportsOptions { DailyLimit = dailyLimit }));

    private ReceiptAttempts Missed(ReceiptAttempts attempts, string conversation, int times)
    {
        for (var i = 0; i < times; i++)
        {
            attempts.Missed(conversation, Now);
        }

        return attempts;
    }
}
