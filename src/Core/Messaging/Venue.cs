namespace Timpora.Core.Messaging;

public sealed record Venue(GeoPoint Point, string Title, string Address);
