using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;
using static Timpora.Core.Tests.Scheduling.Schedules;

namespace Timpora.Core.Tests.Scheduling;

public sealed class JemputBolaOptionsTests
{
    [Fact]
    public void Ships_two_windows_and_valid_rules()
    {
        var options = ShippedSections.JemputBola();

        Assert.Empty(Problems(options));
        Assert.Equal(
            [(new TimeOnly(9, 0), new TimeOnly(11, 0)), (new TimeOnly(13, 0), new TimeOnly(15, 0))],
            options.Windows.Select(w => (w.Starts, w.Ends)));
        Assert.Equal(4, options.CapacityPerWindow);
        Assert.Equal(CapacityUnit.Applicants, options.CapacityUnit);
        Assert.Equal(24, options.MinimumLeadHours);
        Assert.Equal(30, options.HorizonDays);
        Assert.Equal(new TimeOnly(6, 0), options.ScheduleAt);
    }

    [Fact]
    public void Refuses_a_largest_group_that_no_window_could_hold()
    {
        var options = Some.JemputBola();
        options.MaxApplicants = options.CapacityPerWindow + 1;

        var problem = Assert.Single(Problems(options));

        Assert.Contains("could never be booked", problem, StringComparison.Ordinal);
        options.CapacityUnit = CapacityUnit.Visits;
        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Refuses_rules_without_a_window()
    {
        var options = Some.JemputBola();
        options.Windows.Clear();

        Assert.Single(Problems(options));
    }

    [Theory]
    [InlineData(11, 0, 9, 0)]
    [InlineData(9, 0, 9, 0)]
    public void Refuses_a_window_that_ends_before_it_starts(int startHour, int startMinute, int endHour, int endMinute)
    {
        var options = Some.JemputBola();
        options.Windows[0] = new VisitWindow { Starts = new(startHour, startMinute), Ends = new(endHour, endMinute) };

        Assert.Contains(Problems(options), p => p.Contains("must start before it ends", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_overlapping_windows()
    {
        var options = Some.JemputBola();
        options.Windows.Add(new VisitWindow { Starts = new(10, 30), Ends = new(12, 0) });

        var problem = Assert.Single(Problems(options));
        Assert.Equal("windows 09:00–11:00 and 10:30–12:00 overlap.", problem);
    }

    [Fact]
    public void Accepts_windows_that_touch()
    {
        var options = Some.JemputBola();
        options.Windows.Add(new VisitWindow { Starts = new(11, 0), Ends = new(12, 0) });

        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Refuses_a_window_that_a_slot_key_could_not_name()
    {
        var options = Some.JemputBola();
        options.Windows[0] = new VisitWindow { Starts = new(9, 0, 30), Ends = new(11, 0) };

        Assert.Single(Problems(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Refuses_a_capacity_out_of_range(int capacity)
    {
        var options = Some.JemputBola();
        options.CapacityPerWindow = capacity;

        Assert.Single(Problems(options));
    }
}
