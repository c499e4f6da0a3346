namespace Timpora.Core.Information;

public sealed class OfficeHours
{
    public List<DayOfWeek> Days { get; set; } = [];

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
