using System.Diagnostics.CodeAnalysis;
using System.Text;
using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations;

/// <summary>
/// A button payload, <c>v1:flow:action[:arg...]</c>. The version lets old buttons in a chat's history be recognised
/// as stale after a change instead of being misread.
/// </summary>
public sealed record ButtonPress(string Flow, string Action, IReadOnlyList<string> Args)
{
    public const string Version = "v1";

    public static string Payload(string flow, string action, params string[] args) =>
        string.Join(':', [Version, flow, action, .. args]);

    public static Button Button(string label, string flow, string action, params string[] args) =>
        new(label, Payload(flow, action, args));

    public static bool TryParse(string? payload, [NotNullWhen(true)] out ButtonPress? press)
    {
        press = null;
        if (string.IsNullOrEmpty(payload) || Encoding.UTF8.GetByteCount(payload) > Messaging.Button.MaxPayloadBytes)
        {
            return false;
        }

        var parts = payload.Split(':');
        if (parts.Length < 3 || parts[0] != Version || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        press = new ButtonPress(parts[1], parts[2], parts[3..]);
        return true;
    }
}
