using Timpora.Core.Messaging;

namespace Timpora.Core.Places;

/// <summary>Where something is: a shared pin (with the region it falls in), or an address as typed.</summary>
public sealed record Place(double? Latitude, double? Longitude, string? Address, string? Region)
{
    public GeoPoint? Point => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    public static Place Pin(GeoPoint point, string? region)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new Place(point.Latitude, point.Longitude, null, region);
    }

    public static Place Typed(string address, string? region) => new(null, null, address, region);
}
