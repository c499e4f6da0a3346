namespace Timpora.Core.Collective;

/// <summary>Who asks for a collective session (domain.md §2: in Banten mostly travel agents and pesantren).</summary>
public enum OrganisationKind
{
    /// <summary>A licensed Umrah travel organiser (PPIU).</summary>
    TravelAgent,

    /// <summary>Kelompok Bimbingan Ibadah Haji.</summary>
    Kbih,

    Pesantren,

    /// <summary>A desa or kelurahan, e.g. Paspor Masuk Desa.</summary>
    Village,

    Company,

    Other,
}
