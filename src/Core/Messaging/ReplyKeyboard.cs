namespace Timpora.Core.Messaging;

/// <summary>A keyboard that replaces the phone's keyboard; <see cref="Remove"/> takes it away again.</summary>
public sealed record ReplyKeyboard(IReadOnlyList<IReadOnlyList<KeyButton>> Rows, bool Remove = false)
{
    public static ReplyKeyboard Removed { get; } = new([], Remove: true);
}

public sealed record KeyButton(string Label, KeyRequest Request = KeyRequest.None);

public enum KeyRequest
{
    None,
    Location,
    Contact,
}
