namespace Timpora.Core.Privacy;

/// <summary>
/// The hour an instant falls in: what is stored where the minute would say too much about a person (when an update
/// arrived, when a report was sent or added to).
/// </summary>
public static class Hours
{
    public static DateTime Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
    }
}
