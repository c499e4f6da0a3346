namespace Timpora.Core.Collective;

/// <summary>When in the day a group would like the officers: they pick a part, the office picks the time.</summary>
public enum DayPart
{
    Morning,
    Afternoon,
}
