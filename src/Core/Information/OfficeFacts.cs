using System.Globalization;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Information;

/// <summary>Writes the configured office facts out the way a reader of each language expects them.</summary>
public static class OfficeFacts
{
    /// <summary>One line per group of days, e.g. "Senin–Kamis: 07.30–16.00 WIB".</summary>
    public static string Hours(OfficeOptions office, Language language)
    {
        ArgumentNullException.ThrowIfNull(office);
        var culture = Texts.Culture(language);
        var timeFormat = language == Language.English ? "HH:mm" : "HH.mm";
        var lines = office.Hours.Select(h =>
            $"{Days(h.Days, culture)}: {h.Opens.ToString(timeFormat, CultureInfo.InvariantCulture)}–{h.Closes.ToString(timeFormat, CultureInfo.InvariantCulture)} WIB");
        return Html.Escape(string.Join('\n', lines));
    }

    public static string Area(OfficeOptions office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return string.Join('\n', office.WorkingArea.Select(a => "• " + Html.Escape(a)));
    }

    private static string Days(List<DayOfWeek> days, CultureInfo culture)
    {
        var names = culture.DateTimeFormat.DayNames;
        var ordered = days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        var consecutive = ordered.Count > 2 && ordered.Zip(ordered.Skip(1)).All(p => ((int)p.Second + 7 - (int)p.First) % 7 == 1);
        return consecutive
            ? $"{names[(int)ordered[0]]}–{names[(int)ordered[^1]]}"
            : string.Join(", ", ordered.Select(d => names[(int)d]));
    }
}
