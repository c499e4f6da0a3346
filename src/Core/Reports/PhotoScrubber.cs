using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Timpora.Core.Reports;

/// <summary>
/// Takes out of a reported photo everything that could tell where or who the reporter is (Exif with GPS, make, model,
/// dates and serial; XMP; IPTC; ICC profiles, which can name the device; comments; thumbnails) and leaves the pixels
/// untouched: the entropy-coded data and the tables that decode it are copied byte for byte. It keeps what a decoder
/// needs and drops everything else, so metadata nobody has heard of yet goes too.
/// </summary>
public static class PhotoScrubber
{
    private const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, App0 = 0xE0, App1 = 0xE1, App14 = 0xEE;
    private const ushort OrientationTag = 0x0112, ShortType = 3, Upright = 1;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // Critical chunks plus the ancillary ones that change how pixels look; text, time, Exif, ICC and the rest go.
    private static readonly HashSet<string> KeptPngChunks =
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT"];

    private static readonly SearchValues<byte> ChunkTypeLetters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>The photo without metadata, or null when it is not a well-formed JPEG or PNG. Never throws.</summary>
    public static ScrubbedPhoto? Scrub(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == Soi)
        {
            return Jpeg(bytes) is { } jpeg ? new ScrubbedPhoto(jpeg, "image/jpeg", ".jpg") : null;
        }

        if (bytes.StartsWith(PngSignature))
        {
            return Png(bytes) is { } png ? new ScrubbedPhoto(png, "image/png", ".png") : null;
        }

        return null;
    }

    private static byte[]? Jpeg(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        output.Write([0xFF, Soi]);
        var orientationAt = 2;
        var orientation = Upright;
        bool sawFrame = false, sawScan = false;
        var pos = 2;
        while (true)
        {
            // A marker may follow any number of 0xFF fill bytes (T.81 B.1.1.2); we write it without them.
            var fill = pos < bytes.Length && bytes[pos] == 0xFF ? bytes[pos..].IndexOfAnyExcept((byte)0xFF) : -1;
            if (fill < 0)
            {
                return null;
            }

            pos += fill;

            var marker = bytes[pos++];
            if (marker == Eoi)
            {
                // Whatever follows EOI (a phone's trailer, a motion photo's video) is not part of the image: dropped.
                if (!sawScan)
                {
                    return null;
                }

                output.Write([0xFF, Eoi]);
                break;
            }

            // Markers without a length (SOI, TEM, RSTn) cannot start a segment: a second SOI or a stray RSTn is malformed.
            if (marker is 0x00 or 0x01 or Soi or (>= 0xD0 and <= 0xD7) || pos + 2 > bytes.Length)
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[pos..]);
            if (length < 2 || length > bytes.Length - pos)
            {
                return null;
            }

            var payload = bytes.Slice(pos + 2, length - 2);
            pos += length;
            if (IsFrame(marker))
            {
                sawFrame = true;
            }

            if (IsNeededToDecode(marker) || (marker == App14 && payload.StartsWith("Adobe"u8)))
            {
                // APP14 Adobe says whether three components are RGB or YCbCr: without it colours come out wrong.
                WriteSegment(output, marker, payload);
            }
            else if (marker == App0 && payload.Length >= 14 && payload.StartsWith("JFIF\0"u8))
            {
                // JFIF may carry a thumbnail, which could show what a crop took out: keep the header, not the picture.
                WriteSegment(output, App0, [.. payload[..12], 0, 0]);
                if (!sawScan && orientationAt == 2)
                {
                    orientationAt = (int)output.Position;
                }
            }
            else if (marker == App1 && !sawScan && orientation == Upright && payload.StartsWith("Exif\0\0"u8))
            {
                orientation = ReadOrientation(payload[6..]);
            }

            if (marker == Sos)
            {
                if (!sawFrame)
                {
                    return null;
                }

                sawScan = true;
                var end = EndOfEntropyCodedData(bytes, pos);
                if (end < 0)
                {
                    return null;
                }

                output.Write(bytes[pos..end]);
                pos = end;
            }
        }

        var scrubbed = output.ToArray();
        if (orientation == Upright)
        {
            return scrubbed;
        }

        // Phones store rotation only in Exif; without it officers would see the photo sideways. So the one tag
        // goes back, in a new Exif block of its own.
        return [.. scrubbed.AsSpan(0, orientationAt), .. OrientationSegment(orientation), .. scrubbed.AsSpan(orientationAt)];
    }

    // SOFn, DHT, DAC, DQT, DNL, DRI, DHP, EXP: the tables and frame a decoder reads. 0xC8 is reserved (JPG).
    private static bool IsNeededToDecode(byte marker) =>
        marker is (>= 0xC0 and <= 0xCF and not 0xC8) or (>= 0xDA and <= 0xDF);

    private static bool IsFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>Index of the 0xFF that starts the marker after a scan's data, or -1 when the data runs off the end.</summary>
    private static int EndOfEntropyCodedData(ReadOnlySpan<byte> bytes, int from)
    {
        var i = from;
        while (true)
        {
            var next = bytes[i..].IndexOf((byte)0xFF);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            var fill = bytes[(i + 1)..].IndexOfAnyExcept((byte)0xFF);
            if (fill < 0)
            {
                return -1;
            }

            var after = i + 1 + fill;

            // FF 00 is a stuffed data byte and RSTn a restart inside the scan; anything else ends the scan.
            if (bytes[after] != 0x00 && bytes[after] is not (>= 0xD0 and <= 0xD7))
            {
                return i;
            }

            i = after + 1;
        }
    }

    private static void WriteSegment(MemoryStream output, byte marker, ReadOnlySpan<byte> payload)
    {
        output.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        output.Write(payload);
    }

    /// <summary>IFD0's Orientation (1-8) from an Exif TIFF block in either byte order; upright when absent or broken.</summary>
    private static ushort ReadOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8 || !(tiff.StartsWith("II"u8) || tiff.StartsWith("MM"u8)))
        {
            return Upright;
        }

        var bigEndian = tiff[0] == (byte)'M';
        var ifd = Read32(tiff[4..], bigEndian);
        if (ifd > (uint)(tiff.Length - 2))
        {
            return Upright;
        }

        var entries = Read16(tiff[(int)ifd..], bigEndian);
        for (var i = 0; i < entries; i++)
        {
            var entry = (int)ifd + 2 + (12 * i);
            if (entry + 12 > tiff.Length)
            {
                return Upright;
            }

            if (Read16(tiff[entry..], bigEndian) == OrientationTag)
            {
                var value = Read16(tiff[(entry + 8)..], bigEndian);
                return Read16(tiff[(entry + 2)..], bigEndian) == ShortType && value is >= 1 and <= 8 ? value : Upright;
            }
        }

        return Upright;
    }

    private static ushort Read16(ReadOnlySpan<byte> at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);

    private static uint Read32(ReadOnlySpan<byte> at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at);

    /// <summary>APP1 with a big-endian TIFF holding one IFD with one entry: Orientation, SHORT, count 1.</summary>
    private static byte[] OrientationSegment(ushort orientation) =>
    [
        0xFF, App1, 0, 34, .. "Exif\0\0"u8,
        .. "MM"u8, 0, 42, 0, 0, 0, 8,
        0, 1,
        0x01, 0x12, 0, (byte)ShortType, 0, 0, 0, 1, 0, (byte)orientation, 0, 0,
        0, 0, 0, 0,
    ];

    private static byte[]? Png(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        output.Write(PngSignature);
        var pos = PngSignature.Length;
        bool first = true, sawData = false;
        while (bytes.Length - pos >= 12)
        {
            // Length, type, data, CRC. Chunks we keep are copied verbatim, so their CRCs stay right.
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[pos..]);
            if (length > (uint)(bytes.Length - pos - 12) || bytes.Slice(pos + 4, 4).ContainsAnyExcept(ChunkTypeLetters))
            {
                return null;
            }

            var type = Encoding.ASCII.GetString(bytes.Slice(pos + 4, 4));
            var chunk = bytes.Slice(pos, 12 + (int)length);
            pos += chunk.Length;
            if (first != (type == "IHDR") || (first && length != 13))
            {
                return null;
            }

            first = false;
            sawData |= type == "IDAT";
            if (KeptPngChunks.Contains(type))
            {
                output.Write(chunk);
            }
            else if (char.IsAsciiLetterUpper(type[0]))
            {
                // An unknown critical chunk means we cannot know what the image is; better refuse than guess.
                return null;
            }

            if (type == "IEND")
            {
                // Like a JPEG's trailer, bytes after IEND are not part of the image.
                return sawData ? output.ToArray() : null;
            }
        }

        return null;
    }
}
