namespace Timpora.Core.Visits;

public enum VisitService
{
    NewPassport,

    /// <summary>An expired or full passport; lost and damaged ones need a BAP interview at the office.</summary>
    PassportReplacement,

    /// <summary>A foreign national's stay permit (ITAS/ITAP): biometrics and interview.</summary>
    StayPermit,
}
