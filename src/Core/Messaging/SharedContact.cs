namespace Timpora.Core.Messaging;

/// <param name="IsSender">True when the contact is the sender's own (Telegram: contact.user_id equals from.id).</param>
public sealed record SharedContact(string PhoneNumber, string? FirstName, bool IsSender);
