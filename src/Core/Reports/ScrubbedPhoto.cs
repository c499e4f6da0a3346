namespace Timpora.Core.Reports;

/// <summary>A photo with nothing left in it but what draws it; <paramref name="Extension"/> has its dot (".jpg").</summary>
public sealed record ScrubbedPhoto(byte[] Bytes, string MimeType, string Extension);
