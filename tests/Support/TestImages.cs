using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Timpora.Testing;

/// <summary>
/// Tiny, valid images built byte by byte, with the metadata a phone writes planted in them, so tests can prove it is
/// gone. Built by hand rather than checked in: every byte is explained here, and no library of ours is trusted to
/// make them.
/// </summary>
public static class TestImages
{
    public const string PlantedMake = "TestPhone";
    public const string PlantedModel = "TP-1";
    public const string PlantedDateTime = "2026:11:20 14:03:07";
    public const string PlantedDateTimeOriginal = "2026:11:20 14:03:05";
    public const string PlantedSerial = "TP1-SN-0042731";
    public const string PlantedXmpCreator = "Budi Santoso";
    public const string PlantedIptcByline = "Budi Photography";
    public const string PlantedIptcCity = "Cilegon";
    public const string PlantedIccDescription = "Display of Budi's phone";
    public const string PlantedComment = "taken by Budi";
    public const string PlantedPngAuthor = "Siti Rahma";

    /// <summary>Where the planted GPS tags put the reporter: 6°07'12"S 106°09'00"E, in Serang.</summary>
    public const double PlantedLatitude = -6.12;
    public const double PlantedLongitude = 106.15;

    /// <summary>Every string planted in the images, to look for in bytes that must not carry them.</summary>
    public static IReadOnlyList<string> PlantedStrings { get; } =
    [
        PlantedMake, PlantedModel, PlantedDateTime, PlantedDateTimeOriginal, PlantedSerial, PlantedXmpCreator,
        PlantedIptcByline, PlantedIptcCity, PlantedIccDescription, PlantedComment, PlantedPngAuthor,
    ];

    private const byte Soi = 0xD8, Eoi = 0xD9, App0 = 0xE0, App1 = 0xE1, App2 = 0xE2, App13 = 0xED, Com = 0xFE;
    private const byte Sof0 = 0xC0, Sof2 = 0xC2, Dht = 0xC4, Dqt = 0xDB, Dri = 0xDD, Sos = 0xDA;

    /// <summary>
    /// A baseline greyscale JPEG of uniform mid-grey that real decoders (libjpeg) read. With
    /// <paramref name="restartMarkers"/> every block is its own restart interval, so the scan carries RSTn markers.
    /// </summary>
    public static byte[] Jpeg(int width = 16, int height = 8, bool restartMarkers = false)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, Soi]);
        WriteJfif(jpeg);
        WriteBaselineBody(jpeg, width, height, restartMarkers);
        return jpeg.ToArray();
    }

    /// <summary>
    /// <see cref="Jpeg"/> with what a phone and an editor leave behind: Exif (make, model, dates, serial, GPS,
    /// <paramref name="orientation"/>), XMP, Photoshop IPTC, an ICC profile and a comment.
    /// </summary>
    public static byte[] JpegWithMetadata(ushort orientation = 1, bool bigEndian = false)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, Soi]);
        WriteJfif(jpeg);
        WriteSegment(jpeg, App1, [.. "Exif\0\0"u8, .. Exif(orientation, bigEndian)]);
        WriteSegment(jpeg, App1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Xmp()]);
        WriteSegment(jpeg, App2, [.. "ICC_PROFILE\0"u8, 1, 1, .. IccProfile()]);
        WriteSegment(jpeg, App13, PhotoshopIptc());
        WriteSegment(jpeg, Com, Encoding.ASCII.GetBytes(PlantedComment));
        WriteBaselineBody(jpeg, 16, 8, restartMarkers: false);
        return jpeg.ToArray();
    }

    /// <summary>
    /// A progressive 16x8 greyscale JPEG: a DC scan, then the AC table and an AC scan. With
    /// <paramref name="metadataBetweenScans"/> a comment and an XMP segment sit between the two scans, where readers
    /// that stop at the first scan never look.
    /// </summary>
    public static byte[] ProgressiveJpeg(bool metadataBetweenScans = false)
    {
        const int Blocks = 2;
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, Soi]);
        WriteJfif(jpeg);
        WriteFrame(jpeg, Sof2, 16, 8);
        WriteSegment(jpeg, Dht, DcTable);
        // DC first scan (Ss=0, Se=0, Ah/Al=0): one DC difference per block, the one-bit code 0 for "category 0".
        WriteSegment(jpeg, Sos, [1, 1, 0x00, 0, 0, 0x00]);
        jpeg.Write(ZeroBitsPaddedWithOnes(Blocks));
        if (metadataBetweenScans)
        {
            WriteSegment(jpeg, Com, Encoding.ASCII.GetBytes(PlantedComment));
            WriteSegment(jpeg, App1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Xmp()]);
        }

        WriteSegment(jpeg, Dht, AcTable);
        // AC first scan (Ss=1, Se=63, Ah/Al=0): in a progressive AC scan symbol 0x00 is EOB0, "this band of this block
        // is all zero", again the one-bit code 0 per block.
        WriteSegment(jpeg, Sos, [1, 1, 0x00, 1, 63, 0x00]);
        jpeg.Write(ZeroBitsPaddedWithOnes(Blocks));
        jpeg.Write([0xFF, Eoi]);
        return jpeg.ToArray();
    }

    /// <summary>A 4x2 RGB PNG with real zlib data and CRCs, and nothing else.</summary>
    public static byte[] Png() => BuildPng(withMetadata: false);

    /// <summary>
    /// <see cref="Png"/> plus an sRGB chunk (harmless, to be kept) and what must go: tEXt Author, an iTXt XMP packet,
    /// an eXIf block with the same Exif as the JPEG and a tIME stamp.
    /// </summary>
    public static byte[] PngWithMetadata() => BuildPng(withMetadata: true);

    /// <summary>
    /// An Exif TIFF block: IFD0 (Make, Model, Orientation, DateTime, pointers), the Exif sub-IFD (DateTimeOriginal,
    /// BodySerialNumber) and the GPS IFD, in Intel or Motorola byte order.
    /// </summary>
    public static byte[] Exif(ushort orientation = 1, bool bigEndian = false)
    {
        var tiff = new TiffWriter(bigEndian);
        TiffEntry[] exif = [TiffWriter.Ascii(0x9003, PlantedDateTimeOriginal), TiffWriter.Ascii(0xA431, PlantedSerial)];
        TiffEntry[] gps =
        [
            new(0x0000, 1, 4, [2, 3, 0, 0]),
            TiffWriter.Ascii(0x0001, "S"),
            tiff.Rationals(0x0002, 6, 7, 12),
            TiffWriter.Ascii(0x0003, "E"),
            tiff.Rationals(0x0004, 106, 9, 0),
        ];
        TiffEntry[] Ifd0(uint exifAt, uint gpsAt) =>
        [
            TiffWriter.Ascii(0x010F, PlantedMake),
            TiffWriter.Ascii(0x0110, PlantedModel),
            tiff.Short(0x0112, orientation),
            TiffWriter.Ascii(0x0132, PlantedDateTime),
            tiff.Long(0x8769, exifAt),
            tiff.Long(0x8825, gpsAt),
        ];

        // The IFDs follow the 8-byte header one after another; a pointer's value does not change an IFD's size.
        var exifAt = 8 + TiffWriter.SizeOf(Ifd0(0, 0));
        var gpsAt = exifAt + TiffWriter.SizeOf(exif);
        return tiff.Build(Ifd0((uint)exifAt, (uint)gpsAt), exif, gps);
    }

    // Huffman tables (DHT payloads) with a single symbol each: BITS says one code of length 1 and none longer, so by
    // T.81 Annex C that symbol's code is the single bit 0. DC table 0 codes category 0 (difference 0); AC table 0 codes
    // 0x00, EOB (the other 63 coefficients are zero). Each baseline block is therefore exactly the two bits "00".
    private static readonly byte[] DcTable = [0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
    private static readonly byte[] AcTable = [0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];

    private static void WriteJfif(Stream jpeg) =>
        // JFIF 1.01, no density unit, 1:1 aspect, no thumbnail.
        WriteSegment(jpeg, App0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

    private static void WriteBaselineBody(Stream jpeg, int width, int height, bool restartMarkers)
    {
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        WriteFrame(jpeg, Sof0, width, height);
        WriteSegment(jpeg, Dht, DcTable);
        WriteSegment(jpeg, Dht, AcTable);
        if (restartMarkers)
        {
            WriteSegment(jpeg, Dri, [0, 1]);
        }

        // One component, DC table 0 / AC table 0, full spectrum, no successive approximation.
        WriteSegment(jpeg, Sos, [1, 1, 0x00, 0, 63, 0x00]);
        if (!restartMarkers)
        {
            jpeg.Write(ZeroBitsPaddedWithOnes(blocks * 2));
        }
        else
        {
            // Each interval is byte-aligned on its own, then RST0..RST7 in turn; none after the last block.
            for (var block = 0; block < blocks; block++)
            {
                jpeg.Write(ZeroBitsPaddedWithOnes(2));
                if (block < blocks - 1)
                {
                    jpeg.Write([0xFF, (byte)(0xD0 + (block % 8))]);
                }
            }
        }

        jpeg.Write([0xFF, Eoi]);
    }

    private static void WriteFrame(Stream jpeg, byte sof, int width, int height)
    {
        // Quantisation table 0, 8-bit, all ones: with every coefficient zero its values do not matter.
        WriteSegment(jpeg, Dqt, [0x00, .. Enumerable.Repeat((byte)1, 64)]);
        // 8-bit samples, height, width, one component (id 1, 1x1 sampling, quantisation table 0).
        WriteSegment(jpeg, sof, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
    }

    /// <summary>
    /// <paramref name="bits"/> zero bits, then 1-bits up to the byte boundary as T.81 F.1.2.3 asks. Never yields 0xFF
    /// (a full padding byte never happens), so no byte stuffing is needed.
    /// </summary>
    private static byte[] ZeroBitsPaddedWithOnes(int bits)
    {
        var data = new byte[(bits + 7) / 8];
        var padding = (data.Length * 8) - bits;
        if (padding > 0)
        {
            data[^1] = (byte)((1 << padding) - 1);
        }

        return data;
    }

    private static void WriteSegment(Stream jpeg, byte marker, ReadOnlySpan<byte> payload)
    {
        jpeg.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        jpeg.Write(payload);
    }

    private static byte[] Xmp() => Encoding.UTF8.GetBytes(
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>" +
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" +
        " xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">" +
        $"<dc:creator><rdf:Seq><rdf:li>{PlantedXmpCreator}</rdf:li></rdf:Seq></dc:creator>" +
        "<exif:GPSLatitude>6,7.2S</exif:GPSLatitude><exif:GPSLongitude>106,9.0E</exif:GPSLongitude>" +
        "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>");

    /// <summary>APP13: "Photoshop 3.0", one 8BIM resource 0x0404 (IPTC-NAA) with record version, By-line and City.</summary>
    private static byte[] PhotoshopIptc()
    {
        byte[] iptc =
        [
            0x1C, 2, 0, 0, 2, 0, 4,
            .. IptcDataSet(80, PlantedIptcByline),
            .. IptcDataSet(90, PlantedIptcCity),
        ];
        var padding = iptc.Length % 2;
        return
        [
            .. "Photoshop 3.0\0"u8, .. "8BIM"u8, 0x04, 0x04,
            0, 0, // empty resource name: a Pascal string padded to an even length
            .. BigEndian32((uint)iptc.Length), .. iptc, .. new byte[padding],
        ];
    }

    private static byte[] IptcDataSet(byte dataSet, string value)
    {
        var text = Encoding.UTF8.GetBytes(value);
        return [0x1C, 2, dataSet, (byte)(text.Length >> 8), (byte)text.Length, .. text];
    }

    /// <summary>A version 2 grey monitor profile whose one tag, 'desc', names the phone.</summary>
    private static byte[] IccProfile()
    {
        const int HeaderAndTable = 128 + 4 + 12;
        var ascii = Encoding.ASCII.GetBytes(PlantedIccDescription + "\0");
        byte[] desc =
        [
            .. "desc"u8, 0, 0, 0, 0, .. BigEndian32((uint)ascii.Length), .. ascii,
            0, 0, 0, 0, 0, 0, 0, 0, // no Unicode description
            0, 0, 0, .. new byte[67], // no ScriptCode description
        ];
        var size = HeaderAndTable + desc.Length;
        var profile = new byte[size + ((4 - (size % 4)) % 4)];
        BinaryPrimitives.WriteUInt32BigEndian(profile, (uint)profile.Length);
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(8), 0x02100000);
        "mntr"u8.CopyTo(profile.AsSpan(12));
        "GRAY"u8.CopyTo(profile.AsSpan(16));
        "XYZ "u8.CopyTo(profile.AsSpan(20));
        ushort[] created = [2026, 11, 20, 14, 3, 5];
        for (var i = 0; i < created.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(profile.AsSpan(24 + (2 * i)), created[i]);
        }

        "acsp"u8.CopyTo(profile.AsSpan(36));
        "TPHN"u8.CopyTo(profile.AsSpan(48));
        "TP01"u8.CopyTo(profile.AsSpan(52));
        // The D50 illuminant as s15Fixed16 numbers, as every profile carries.
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(68), 0x0000F6D6);
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(72), 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(76), 0x0000D32D);
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(128), 1);
        "desc"u8.CopyTo(profile.AsSpan(132));
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(136), HeaderAndTable);
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(140), (uint)desc.Length);
        desc.CopyTo(profile.AsSpan(HeaderAndTable));
        return profile;
    }

    private static byte[] BuildPng(bool withMetadata)
    {
        const int Width = 4, Height = 2;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        // 8-bit RGB, deflate, adaptive filtering, not interlaced.
        WriteChunk(png, "IHDR", [.. BigEndian32(Width), .. BigEndian32(Height), 8, 2, 0, 0, 0]);
        if (withMetadata)
        {
            WriteChunk(png, "sRGB", [0]);
            WriteChunk(png, "tEXt", [.. "Author\0"u8, .. Encoding.Latin1.GetBytes(PlantedPngAuthor)]);
            // iTXt: keyword, no compression, empty language and translated keyword, then the XMP packet.
            WriteChunk(png, "iTXt", [.. "XML:com.adobe.xmp\0"u8, 0, 0, 0, 0, .. Xmp()]);
            WriteChunk(png, "eXIf", Exif(orientation: 1, bigEndian: true));
        }

        WriteChunk(png, "IDAT", ZlibScanlines(Width, Height));
        if (withMetadata)
        {
            WriteChunk(png, "tIME", [.. BigEndian16(2026), 11, 20, 14, 3, 7]);
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] ZlibScanlines(int width, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter type None
                for (var x = 0; x < width; x++)
                {
                    zlib.Write([(byte)(x * 60), (byte)(y * 200), 0x80]);
                }
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(BigEndian32((uint)data.Length));
        png.Write(typeAndData);
        png.Write(BigEndian32(Crc32(typeAndData)));
    }

    /// <summary>The CRC-32 of ISO 3309 / PNG (reflected polynomial 0xEDB88320), bit by bit: tiny inputs only.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] BigEndian16(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] BigEndian32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private readonly record struct TiffEntry(ushort Tag, ushort Type, uint Count, byte[] Value);

    /// <summary>Writes TIFF IFDs in one byte order; values over four bytes go right after their IFD.</summary>
    private sealed class TiffWriter(bool bigEndian)
    {
        private const ushort AsciiType = 2, ShortType = 3, LongType = 4, RationalType = 5;

        public static int SizeOf(IReadOnlyList<TiffEntry> ifd) =>
            2 + (12 * ifd.Count) + 4 + ifd.Where(e => e.Value.Length > 4).Sum(e => e.Value.Length + (e.Value.Length % 2));

        public static TiffEntry Ascii(ushort tag, string text)
        {
            var value = Encoding.ASCII.GetBytes(text + "\0");
            return new(tag, AsciiType, (uint)value.Length, value);
        }

        public TiffEntry Short(ushort tag, ushort value) => new(tag, ShortType, 1, U16(value));

        public TiffEntry Long(ushort tag, uint value) => new(tag, LongType, 1, U32(value));

        /// <summary>Whole numbers as RATIONALs (numerator/1), as GPS degrees, minutes and seconds are written.</summary>
        public TiffEntry Rationals(ushort tag, params uint[] wholes) =>
            new(tag, RationalType, (uint)wholes.Length, [.. wholes.SelectMany(w => (byte[])[.. U32(w), .. U32(1)])]);

        public byte[] Build(params TiffEntry[][] ifds)
        {
            var tiff = new List<byte>(bigEndian ? "MM"u8.ToArray() : "II"u8.ToArray());
            tiff.AddRange(U16(42));
            tiff.AddRange(U32(8));
            foreach (var ifd in ifds)
            {
                WriteIfd(tiff, ifd);
            }

            return [.. tiff];
        }

        private void WriteIfd(List<byte> tiff, TiffEntry[] entries)
        {
            var overflowAt = tiff.Count + 2 + (12 * entries.Length) + 4;
            var overflow = new List<byte>();
            tiff.AddRange(U16((ushort)entries.Length));
            foreach (var entry in entries)
            {
                tiff.AddRange(U16(entry.Tag));
                tiff.AddRange(U16(entry.Type));
                tiff.AddRange(U32(entry.Count));
                if (entry.Value.Length <= 4)
                {
                    tiff.AddRange(entry.Value);
                    tiff.AddRange(new byte[4 - entry.Value.Length]);
                }
                else
                {
                    tiff.AddRange(U32((uint)(overflowAt + overflow.Count)));
                    overflow.AddRange(entry.Value);
                    overflow.AddRange(new byte[entry.Value.Length % 2]); // offsets must be even
                }
            }

            tiff.AddRange(U32(0)); // no next IFD
            tiff.AddRange(overflow);
        }

        private byte[] U16(ushort value)
        {
            var bytes = new byte[2];
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
            }

            return bytes;
        }

        private byte[] U32(uint value)
        {
            var bytes = new byte[4];
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            }

            return bytes;
        }
    }
}
