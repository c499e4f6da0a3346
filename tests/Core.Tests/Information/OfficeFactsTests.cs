using Timpora.Core.Conversations;
using Timpora.Core.Information;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Information;

public sealed class OfficeFactsTests
{
    [Fact]
    public void Writes_the_hours_the_Indonesian_way()
    {
        var hours = OfficeFacts.Hours(Some.Office(), Language.Indonesian);

        Assert.Equal("Senin–Kamis: 07.30–16.00 WIB\nJumat: 07.30–16.30 WIB", hours);
    }

    [Fact]
    public void Writes_the_hours_the_English_way()
    {
        var hours = OfficeFacts.Hours(Some.Office(), Language.English);

        Assert.Equal("Monday–Thursday: 07:30–16:00 WIB\nFriday: 07:30–16:30 WIB", hours);
    }

    [Fact]
    public void Orders_the_days_from_Monday_whatever_the_configuration_says()
    {
        var office = OfficeWith(new OfficeHours { Days = [DayOfWeek.Thursday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Tuesday, DayOfWeek.Monday], Opens = new(8, 0), Closes = new(15, 0) });

        var hours = OfficeFacts.Hours(office, Language.Indonesian);

        Assert.Equal("Senin–Kamis: 08.00–15.00 WIB", hours);
    }

    [Fact]
    public void Lists_days_that_are_not_a_run()
    {
        var office = OfficeWith(new OfficeHours { Days = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], Opens = new(8, 0), Closes = new(12, 0) });

        var hours = OfficeFacts.Hours(office, Language.English);

        Assert.Equal("Monday, Wednesday, Friday: 08:00–12:00 WIB", hours);
    }

    [Fact]
    public void Lists_two_days_rather_than_making_a_range()
    {
        var office = OfficeWith(new OfficeHours { Days = [DayOfWeek.Saturday, DayOfWeek.Sunday], Opens = new(8, 0), Closes = new(12, 0) });

        var hours = OfficeFacts.Hours(office, Language.Indonesian);

        Assert.Equal("Sabtu, Minggu: 08.00–12.00 WIB", hours);
    }

    [Fact]
    public void Writes_the_working_area_as_escaped_bullets()
    {
        var office = Some.Office();
        office.WorkingArea = ["Kota Serang", "Kabupaten <Lebak> & sekitarnya"];

        var area = OfficeFacts.Area(office);

        Assert.Equal("• Kota Serang\n• Kabupaten &lt;Lebak&gt; &amp; sekitarnya", area);
    }

    private static OfficeOptions OfficeWith(OfficeHours hours)
    {
        var office = Some.Office();
        office.Hours = [hours];
        return office;
    }
}
