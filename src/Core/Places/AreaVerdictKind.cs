namespace Timpora.Core.Places;

public enum AreaVerdictKind
{
    /// <summary>Nothing recognisable: ask for the kabupaten/kota.</summary>
    Unknown,

    Inside,

    Outside,
}
