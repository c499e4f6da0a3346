using System.Globalization;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Visits;

/// <summary>
/// The outbox idempotency keys of everything sent about a visit without being asked. They start with the visit's
/// prefix, so moving or cancelling the visit can withdraw whatever of it is still waiting to be sent.
/// </summary>
public static class VisitNotices
{
    public static string KeyPrefix(long visitId) => string.Create(CultureInfo.InvariantCulture, $"visit:{visitId}:");

    /// <summary>One reminder per stage and window: a job that runs twice finds the key taken.</summary>
    public static string ReminderKey(long visitId, ReminderStage stage, Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return string.Create(CultureInfo.InvariantCulture, $"visit:{visitId}:remind:{stage}:{slot.Key}");
    }

    public static string OutcomeKey(long visitId, VisitStatus outcome, Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return string.Create(CultureInfo.InvariantCulture, $"visit:{visitId}:outcome:{outcome}:{slot.Key}");
    }
}
