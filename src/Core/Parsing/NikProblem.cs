namespace Timpora.Core.Parsing;

/// <summary>Why a typed NIK was refused; the first rule broken, read left to right through the digits.</summary>
public enum NikProblem
{
    Empty,
    NotDigits,
    TooShort,
    TooLong,
    UnknownProvince,
    BadDay,
    BadMonth,
    ZeroSerial,
}
