namespace Timpora.Core.Messaging;

/// <param name="FileId">The channel's handle to download the file later.</param>
public sealed record IncomingFile(string FileId, long? Size, string? MimeType, string? FileName, bool IsPhoto);
