namespace Timpora.Core.Places;

/// <summary>
/// Whether the office can visit a place. <see cref="Region"/> is the kabupaten/kota a typed address named (null for a
/// shared point: the boundary is one ring, not one per region); <see cref="ServingOffice"/> is set when outside.
/// </summary>
public sealed record AreaVerdict(AreaVerdictKind Kind, string? Region = null, string? ServingOffice = null)
{
    public static AreaVerdict Unknown { get; } = new(AreaVerdictKind.Unknown);

    public bool IsInside => Kind == AreaVerdictKind.Inside;

    public static AreaVerdict Inside(string? region = null) => new(AreaVerdictKind.Inside, region);

    public static AreaVerdict Outside(string? servingOffice, string? region = null) => new(AreaVerdictKind.Outside, region, servingOffice);
}
