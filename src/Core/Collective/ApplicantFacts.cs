namespace Timpora.Core.Collective;

/// <summary>One person on a roster, as they or their coordinator gave it. The NIK and phone never go to a log.</summary>
public sealed record ApplicantFacts(string FullName, string Nik, DateOnly BirthDate, PassportKind Passport, string Phone);
