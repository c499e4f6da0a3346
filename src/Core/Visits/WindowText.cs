using Timpora.Core.Conversations;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Visits;

/// <summary>A window written out the way people read it back: "Senin, 5 Januari 2026, 09.00–11.00 WIB".</summary>
public static class WindowText
{
    public static string Describe(Slot slot, Language language)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return Texts.Format(language, "Visit.Window", Day(slot.Date, language), Time(slot.Starts), Time(slot.Ends));
    }

    /// <summary>"Senin, 5 Januari 2026" / "Monday, 5 January 2026".</summary>
    public static string Day(DateOnly date, Language language) =>
        date.ToString("dddd, d MMMM yyyy", Texts.Culture(language));

    /// <summary>"Sen 5 Jan" / "Mon 5 Jan", short enough for a button.</summary>
    public static string ShortDay(DateOnly date, Language language) =>
        date.ToString("ddd d MMM", Texts.Culture(language));

    /// <summary>Indonesian writes 09.00; so do we, in both languages, as the office's letters do.</summary>
    public static string Time(TimeOnly time) => time.ToString("HH'.'mm", System.Globalization.CultureInfo.InvariantCulture);
}
