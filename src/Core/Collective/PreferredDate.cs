using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Timpora.Core.Collective;

/// <summary>A date the group would like, and whether morning or afternoon.</summary>
public sealed record PreferredDate(DateOnly Date, DayPart Part)
{
    private const string DateFormat = "yyyyMMdd";

    /// <summary>Short and stable for payloads and storage, e.g. <c>20261201M</c>.</summary>
    public string Key => Date.ToString(DateFormat, CultureInfo.InvariantCulture) + (Part == DayPart.Morning ? "M" : "A");

    public static bool TryParseKey(string? key, [NotNullWhen(true)] out PreferredDate? preferred)
    {
        preferred = null;
        if (key is not { Length: 9 } || key[8] is not ('M' or 'A')
            || !DateOnly.TryParseExact(key.AsSpan(0, 8), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        preferred = new PreferredDate(date, key[8] == 'M' ? DayPart.Morning : DayPart.Afternoon);
        return true;
    }

    /// <summary>Several keys joined for one column, e.g. <c>20261201M,20261203A</c>.</summary>
    public static string Join(IEnumerable<PreferredDate> dates) => string.Join(',', dates.Select(d => d.Key));

    public static IReadOnlyList<PreferredDate> Split(string? keys) =>
        [.. (keys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => TryParseKey(k, out var d) ? d : null).OfType<PreferredDate>()];
}
