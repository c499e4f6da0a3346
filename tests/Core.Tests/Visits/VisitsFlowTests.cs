using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Visits;

/// <summary>The citizen's own visits: list, reschedule, cancel. The clock stands at Monday 5 January 2026, 09:00 WIB.</summary>
public sealed class VisitsFlowTests : IDisposable
{
    private readonly EngineHarness _bot = new();
    private readonly Citizen _citizen;

    public VisitsFlowTests() => _citizen = new Citizen(_bot);

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("id", "/kunjungan", "Selasa, 6 Januari 2026, 09.00–11.00 WIB")]
    [InlineData("en", "/visits", "Tuesday, 6 January 2026, 09.00–11.00 WIB")]
    public async Task Lists_upcoming_visits_with_reschedule_and_cancel(string language, string command, string window)
    {
        var citizen = new Citizen(_bot, language: language);
        await citizen.Book();
        var visit = Visit();

        var replies = await citizen.Send(command);

        Assert.Equal(Texts.Format(Texts.FromHint(language), "Visits.Header", 1), replies[0].Text);
        Assert.Contains(visit.Code, replies[1].Text, StringComparison.Ordinal);
        Assert.Contains(window, replies[1].Text, StringComparison.Ordinal);
        Assert.Equal([$"v1:visits:move:{visit.Id}", $"v1:visits:cancel:{visit.Id}", "v1:visits:menu"], replies[1].Payloads());
    }

    [Fact]
    public async Task Says_so_when_there_are_no_visits_and_offers_to_book_one()
    {
        var replies = await _citizen.Send("/kunjungan");

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Get(Language.Indonesian, "Visits.None"), reply.Text);
        Assert.Equal(["v1:visits:book", "v1:visits:menu"], reply.Payloads());
    }

    [Fact]
    public async Task Does_not_list_another_chat_s_visits()
    {
        await _citizen.Book();

        var replies = await new Citizen(_bot, "2002").Send("/kunjungan");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visits.None"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Cancels_a_visit_after_asking_and_frees_its_place()
    {
        await _citizen.Book();
        var visit = Visit();

        var ask = await _citizen.Press($"v1:visits:cancel:{visit.Id}");
        Assert.Equal(VisitStatus.Booked, Visit().Status);
        var done = await _citizen.Press($"v1:visits:cancelok:{visit.Id}");

        Assert.Equal([$"v1:visits:cancelok:{visit.Id}", "v1:visits:show"], ask[0].Payloads());
        Assert.Equal(Texts.Format(Language.Indonesian, "Visits.Cancelled", visit.Code), done[0].Text);
        Assert.Equal(VisitStatus.Cancelled, Visit().Status);
        Assert.Equal(0, Load());
    }

    [Fact]
    public async Task Withdraws_a_reminder_still_waiting_to_be_sent_when_the_visit_is_cancelled()
    {
        await _citizen.Book();
        var visit = Visit();
        await _bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<TimporaDb>();
            new Outbox(db, _bot.Clock).Enqueue(visit.Citizen, OutgoingMessage.Say("reminder"), VisitNotices.ReminderKey(visit.Id, ReminderStage.EveningBefore, visit.Slot));
            await db.SaveChangesAsync();
        });

        await _citizen.Press($"v1:visits:cancelok:{visit.Id}");

        Assert.DoesNotContain(_bot.OutboxRows(), o => o.IdempotencyKey?.StartsWith(VisitNotices.KeyPrefix(visit.Id), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Moves_a_visit_to_another_window_after_confirming()
    {
        await _citizen.Book();
        var visit = Visit();

        var pick = await _citizen.Press($"v1:visits:move:{visit.Id}");
        var confirm = await _citizen.Press("v1:move:a:slot:20260108-1300");
        Assert.Equal(new TimeOnly(9, 0), Visit().Starts);
        var moved = await _citizen.Press("v1:move:ok");

        Assert.StartsWith(Texts.Format(Language.Indonesian, "Visits.Ask.NewSlot", visit.Code), pick[0].Text, StringComparison.Ordinal);
        Assert.Contains("Kamis, 8 Januari 2026, 13.00–15.00 WIB", confirm[0].Text, StringComparison.Ordinal);
        Assert.Contains("Selasa, 6 Januari 2026, 09.00–11.00 WIB", confirm[0].Text, StringComparison.Ordinal);
        Assert.Equal(Texts.Format(Language.Indonesian, "Visits.Moved", visit.Code, "Kamis, 8 Januari 2026, 13.00–15.00 WIB"), moved[0].Text);
        var after = Visit();
        Assert.Equal((new DateOnly(2026, 1, 8), new TimeOnly(13, 0)), (after.Date, after.Starts));
        Assert.Equal(ReminderStage.None, after.Reminded);
        Assert.Equal(0, Load(new DateOnly(2026, 1, 6), new TimeOnly(9, 0)));
        Assert.Equal(1, Load(new DateOnly(2026, 1, 8), new TimeOnly(13, 0)));
    }

    [Theory]
    [InlineData("cancel", "Duty.Withdrawn.Cancelled")]
    [InlineData("move", "Duty.Withdrawn.Moved")]
    public async Task Tells_the_officer_who_has_the_visit_when_the_citizen_cancels_or_moves_it(string change, string notice)
    {
        await _citizen.Book();
        var visit = Visit();
        await _bot.EnrolOfficerAsync("Rudi Hartono", Core.Officers.OfficerRole.Officer, "7001");
        await _bot.InScopeAsync(async services =>
        {
            await services.GetRequiredService<Core.Officers.DayPlan>().PlanAsync(visit.Date, CancellationToken.None);
            await services.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });
        Assert.NotNull(Visit().OfficerId);

        if (change == "cancel")
        {
            await _citizen.Press($"v1:visits:cancelok:{visit.Id}");
        }
        else
        {
            await _citizen.Press($"v1:visits:move:{visit.Id}");
            await _citizen.Press("v1:move:a:slot:20260108-1300");
            await _citizen.Press("v1:move:ok");
        }

        var told = Assert.Single(_bot.Queued("7001"), m => m.Text!.Contains(visit.Code, StringComparison.Ordinal));
        Assert.Equal(
            Texts.Format(Language.Indonesian, notice, visit.Code, "Selasa, 6 Januari 2026, 09.00–11.00 WIB", "RSUD dr. Dradjat Prawiranegara, ruang Melati, kamar 3"),
            told.Text);
    }

    [Fact]
    public async Task Tells_no_officer_when_nobody_has_the_visit_yet()
    {
        await _citizen.Book();
        var visit = Visit();
        await _bot.EnrolOfficerAsync("Rudi Hartono", Core.Officers.OfficerRole.Officer, "7001");

        await _citizen.Press($"v1:visits:cancelok:{visit.Id}");

        Assert.DoesNotContain(_bot.Queued("7001"), m => m.Text!.Contains(visit.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lets_a_visit_that_needs_a_new_date_pick_one_from_the_notice_button()
    {
        await _citizen.Book();
        var visit = Visit();
        await _bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<TimporaDb>();
            var bookings = services.GetRequiredService<Bookings>();
            await bookings.NeedNewDateAsync(await db.Visits.SingleAsync(), _bot.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
        });

        var list = await _citizen.Send("/kunjungan");
        await _citizen.Press($"v1:visits:move:{visit.Id}");
        var confirm = await _citizen.Press("v1:move:a:slot:20260107-0900");
        await _citizen.Press("v1:move:ok");

        Assert.Contains(Texts.Get(Language.Indonesian, "Visits.NeedsNewDate"), list[1].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Language.Indonesian, "Visits.NoWindow"), confirm[0].Text, StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Booked, Visit().Status);
        Assert.Equal(new DateOnly(2026, 1, 7), Visit().Date);
        Assert.Equal(0, Load(new DateOnly(2026, 1, 6), new TimeOnly(9, 0)));
    }

    [Theory]
    [InlineData("move")]
    [InlineData("cancel")]
    [InlineData("cancelok")]
    public async Task Finds_nothing_when_someone_presses_another_chat_s_visit(string action)
    {
        await _citizen.Book();
        var visit = Visit();

        var replies = await new Citizen(_bot, "6666").Press($"v1:visits:{action}:{visit.Id}");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visits.NotFound"), replies[0].Text);
        Assert.DoesNotContain(replies, r => r.Text?.Contains(visit.Code, StringComparison.Ordinal) == true);
        Assert.Equal(VisitStatus.Booked, Visit().Status);
        Assert.Equal(1, Load());
    }

    [Theory]
    [InlineData("v1:visits:cancelok:abc")]
    [InlineData("v1:visits:cancelok:99999")]
    [InlineData("v1:visits:cancelok:-1")]
    [InlineData("v1:visits:cancelok")]
    public async Task Refuses_forged_visit_ids(string payload)
    {
        await _citizen.Book();

        var replies = await _citizen.Press(payload);

        Assert.Equal(Texts.Get(Language.Indonesian, "Visits.NotFound"), replies[0].Text);
        Assert.Equal(VisitStatus.Booked, Visit().Status);
    }

    [Fact]
    public async Task Does_not_cancel_a_visit_that_was_already_cancelled_again()
    {
        await _citizen.Book();
        var visit = Visit();
        await _citizen.Press($"v1:visits:cancelok:{visit.Id}");

        var again = await _citizen.Press($"v1:visits:cancelok:{visit.Id}");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visits.NotFound"), again[0].Text);
        Assert.Equal(0, Load());
    }

    private Visit Visit()
    {
        using var db = _bot.Database.NewDb();
        return db.Visits.AsNoTracking().Single();
    }

    private int Load(DateOnly? date = null, TimeOnly? starts = null)
    {
        using var db = _bot.Database.NewDb();
        var day = date ?? new DateOnly(2026, 1, 6);
        var time = starts ?? new TimeOnly(9, 0);
        return db.SlotLoads.AsNoTracking().SingleOrDefault(l => l.Date == day && l.Starts == time)?.Units ?? 0;
    }
}
