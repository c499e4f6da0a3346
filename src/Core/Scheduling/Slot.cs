using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Timpora.Core.Scheduling;

/// <summary>One visit window on one date, in office time.</summary>
public sealed record Slot(DateOnly Date, TimeOnly Starts, TimeOnly Ends)
{
    private const string DateFormat = "yyyyMMdd";
    private const string TimeFormat = "HHmm";

    /// <summary>A short, stable name for button payloads (which hold at most 64 bytes), e.g. <c>20260105-0900</c>.</summary>
    public string Key =>
        $"{Date.ToString(DateFormat, CultureInfo.InvariantCulture)}-{Starts.ToString(TimeFormat, CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Reads a <see cref="Key"/> back. Keys come back in button payloads, which are user input: anything that is not
    /// exactly a real date and the start of a configured window is refused.
    /// </summary>
    public static bool TryParseKey(string? key, IReadOnlyList<VisitWindow> windows, [NotNullWhen(true)] out Slot? slot)
    {
        ArgumentNullException.ThrowIfNull(windows);
        slot = null;
        if (key is not { Length: 13 } || key[8] != '-')
        {
            return false;
        }

        if (!DateOnly.TryParseExact(key.AsSpan(0, 8), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(key.AsSpan(9), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var starts))
        {
            return false;
        }

        var window = windows.FirstOrDefault(w => w.Starts == starts);
        if (window is null)
        {
            return false;
        }

        slot = new Slot(date, window.Starts, window.Ends);
        return true;
    }
}
