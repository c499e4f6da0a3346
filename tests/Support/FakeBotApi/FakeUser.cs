namespace Timpora.Testing;

/// <summary>A Telegram user the test plays. Private chats use the user's id as the chat id.</summary>
public sealed record FakeUser(long Id, string FirstName = "Test", string? Username = null, string? LanguageCode = "id")
{
    public string? LastName { get; init; }

    /// <summary>The sender the fake uses in a private chat when the test names none.</summary>
    public static FakeUser ForPrivateChat(long chatId) =>
        new(chatId, "Test", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"user{chatId}"));

    /// <summary>The sender the fake uses in a group when the test names none.</summary>
    public static FakeUser GroupMember { get; } = new(7_000_000_001, "Member", "group_member");
}
