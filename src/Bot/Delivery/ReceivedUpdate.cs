using Timpora.Core.Messaging;

namespace Timpora.Bot.Delivery;

/// <summary>An update a channel handed us: its own id (for de-duplication) and what it says.</summary>
public sealed record ReceivedUpdate(string UpdateId, IncomingMessage Message);
