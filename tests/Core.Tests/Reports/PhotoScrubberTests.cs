using System.Buffers.Binary;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Photoshop;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.Xmp;
using Timpora.Core.Reports;
using Timpora.Testing;
using MetadataDirectory = MetadataExtractor.Directory;

namespace Timpora.Core.Tests.Reports;

public sealed class PhotoScrubberTests
{
    private const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, App0 = 0xE0, App1 = 0xE1;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_planted_photo_really_carries_location_device_author_and_comment(bool bigEndian)
    {
        var input = TestImages.JpegWithMetadata(orientation: 6, bigEndian);

        var directories = Read(input);

        var gps = Assert.Single(directories.OfType<GpsDirectory>());
        var location = gps.GetGeoLocation();
        Assert.NotNull(location);
        Assert.Equal(TestImages.PlantedLatitude, location.Latitude, 6);
        Assert.Equal(TestImages.PlantedLongitude, location.Longitude, 6);
        var ifd0 = Assert.Single(directories.OfType<ExifIfd0Directory>());
        Assert.Equal(TestImages.PlantedMake, ifd0.GetString(ExifDirectoryBase.TagMake));
        Assert.Equal(TestImages.PlantedModel, ifd0.GetString(ExifDirectoryBase.TagModel));
        Assert.Equal(6, ifd0.GetInt32(ExifDirectoryBase.TagOrientation));
        var subIfd = Assert.Single(directories.OfType<ExifSubIfdDirectory>());
        Assert.Equal(TestImages.PlantedSerial, subIfd.GetString(ExifDirectoryBase.TagBodySerialNumber));
        Assert.Single(directories.OfType<XmpDirectory>());
        Assert.Single(directories.OfType<PhotoshopDirectory>());
        Assert.Equal(TestImages.PlantedIptcCity, Assert.Single(directories.OfType<IptcDirectory>()).GetString(IptcDirectory.TagCity));
        Assert.Contains(TestImages.PlantedIccDescription, Assert.Single(directories.OfType<IccDirectory>()).Tags.Select(t => t.Description));
        Assert.Equal(TestImages.PlantedComment, Assert.Single(directories.OfType<JpegCommentDirectory>()).GetString(JpegCommentDirectory.TagComment));
        Assert.All(TestImages.PlantedStrings.Except([TestImages.PlantedPngAuthor]), s => Assert.True(Contains(input, s), s));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Removes_exif_gps_xmp_iptc_icc_and_the_comment_from_a_jpeg(bool bigEndian)
    {
        var scrubbed = PhotoScrubber.Scrub(TestImages.JpegWithMetadata(orientation: 1, bigEndian));

        Assert.NotNull(scrubbed);
        Assert.Equal(("image/jpeg", ".jpg"), (scrubbed.MimeType, scrubbed.Extension));
        var directories = Read(scrubbed.Bytes);
        Assert.Empty(directories.OfType<ExifDirectoryBase>());
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<XmpDirectory>());
        Assert.Empty(directories.OfType<PhotoshopDirectory>());
        Assert.Empty(directories.OfType<IptcDirectory>());
        Assert.Empty(directories.OfType<IccDirectory>());
        Assert.Empty(directories.OfType<JpegCommentDirectory>());
        AssertNoPlantedString(scrubbed.Bytes);
        Assert.Equal([Soi, App0, 0xDB, 0xC0, 0xC4, 0xC4, Sos], Markers(scrubbed.Bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Keeps_a_turned_photo_turned_with_the_orientation_as_the_only_exif_tag(bool bigEndian)
    {
        var scrubbed = PhotoScrubber.Scrub(TestImages.JpegWithMetadata(orientation: 6, bigEndian));

        Assert.NotNull(scrubbed);
        var directories = Read(scrubbed.Bytes);
        var exif = Assert.Single(directories.OfType<ExifDirectoryBase>());
        var orientation = Assert.Single(exif.Tags);
        Assert.IsType<ExifIfd0Directory>(exif);
        Assert.Equal(ExifDirectoryBase.TagOrientation, orientation.Type);
        Assert.Equal(6, exif.GetInt32(ExifDirectoryBase.TagOrientation));
        Assert.Empty(directories.OfType<GpsDirectory>());
        AssertNoPlantedString(scrubbed.Bytes);
        // Right after JFIF, where readers expect Exif.
        Assert.Equal([Soi, App0, App1, 0xDB, 0xC0, 0xC4, 0xC4, Sos], Markers(scrubbed.Bytes));
    }

    [Fact]
    public void Puts_the_orientation_right_after_the_start_when_there_is_no_jfif_header()
    {
        var input = TestImages.JpegWithMetadata(orientation: 8);
        byte[] withoutJfif = [.. input[..2], .. input[20..]]; // SOI, then everything after the 18-byte APP0

        var scrubbed = PhotoScrubber.Scrub(withoutJfif);

        Assert.NotNull(scrubbed);
        Assert.Equal([Soi, App1, 0xDB, 0xC0, 0xC4, 0xC4, Sos], Markers(scrubbed.Bytes));
        Assert.Equal(8, Assert.Single(Read(scrubbed.Bytes).OfType<ExifIfd0Directory>()).GetInt32(ExifDirectoryBase.TagOrientation));
    }

    [Fact]
    public void Keeps_the_jpeg_whole_with_the_same_size_and_the_same_scan_data()
    {
        var input = TestImages.JpegWithMetadata();

        var scrubbed = PhotoScrubber.Scrub(input);

        Assert.NotNull(scrubbed);
        var before = Assert.Single(Read(input).OfType<JpegDirectory>());
        var after = Assert.Single(Read(scrubbed.Bytes).OfType<JpegDirectory>());
        Assert.Equal((16, 8), (after.GetImageWidth(), after.GetImageHeight()));
        Assert.Equal((before.GetImageWidth(), before.GetImageHeight()), (after.GetImageWidth(), after.GetImageHeight()));
        Assert.Equal([0xFF, Soi], scrubbed.Bytes[..2]);
        Assert.Equal([0xFF, Eoi], scrubbed.Bytes[^2..]);
        Assert.Equal(ScanData(input), ScanData(scrubbed.Bytes));
        Assert.Equal(Segment(input, 0xDB), Segment(scrubbed.Bytes, 0xDB));
        Assert.Equal(Segment(input, 0xC0), Segment(scrubbed.Bytes, 0xC0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Passes_a_photo_without_metadata_through_unchanged(bool restartMarkers)
    {
        var input = TestImages.Jpeg(24, 16, restartMarkers);

        var scrubbed = PhotoScrubber.Scrub(input);

        Assert.NotNull(scrubbed);
        Assert.Equal(ScanData(input), ScanData(scrubbed.Bytes));
        Assert.Equal(input, scrubbed.Bytes);
    }

    [Fact]
    public void Drops_metadata_between_the_scans_of_a_progressive_jpeg()
    {
        var input = TestImages.ProgressiveJpeg(metadataBetweenScans: true);
        Assert.True(Contains(input, TestImages.PlantedComment));
        Assert.True(Contains(input, TestImages.PlantedXmpCreator));

        var scrubbed = PhotoScrubber.Scrub(input);

        Assert.NotNull(scrubbed);
        AssertNoPlantedString(scrubbed.Bytes);
        // Both scans and the table between them are still there, byte for byte.
        Assert.Equal(TestImages.ProgressiveJpeg(), scrubbed.Bytes);
    }

    [Fact]
    public void Drops_the_jfif_thumbnail_and_whatever_follows_the_end_of_the_image()
    {
        var input = TestImages.Jpeg();
        // A JFIF header with a 1x1 RGB thumbnail, and a trailer after EOI as motion photos append their video.
        byte[] jfifWithThumbnail = [0xFF, App0, 0, 19, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0xAB, 0xCD, 0xEF];
        byte[] withExtras = [.. input[..2], .. jfifWithThumbnail, .. input[20..], .. Encoding.ASCII.GetBytes(TestImages.PlantedComment)];

        var scrubbed = PhotoScrubber.Scrub(withExtras);

        Assert.NotNull(scrubbed);
        Assert.Equal(input, scrubbed.Bytes);
    }

    [Fact]
    public void Keeps_the_adobe_segment_that_says_how_to_decode_colours()
    {
        var input = TestImages.Jpeg();
        // APP14 "Adobe", version 100, no flags, transform 1 (YCbCr): without it some decoders mix up the colours.
        byte[] withAdobe = [.. input[..20], 0xFF, 0xEE, 0, 14, .. "Adobe"u8, 0, 100, 0, 0, 0, 0, 1, .. input[20..]];

        Assert.Equal(withAdobe, PhotoScrubber.Scrub(withAdobe)?.Bytes);
    }

    [Fact]
    public void Removes_text_exif_xmp_and_time_chunks_from_a_png()
    {
        var input = TestImages.PngWithMetadata();
        var before = Read(input);
        Assert.Contains(before.OfType<PngDirectory>(), d => d.Name == "PNG-tEXt");
        Assert.Contains(before.OfType<PngDirectory>(), d => d.Name == "PNG-tIME");
        Assert.Single(before.OfType<GpsDirectory>());
        Assert.Single(before.OfType<XmpDirectory>());
        Assert.True(Contains(input, TestImages.PlantedPngAuthor));

        var scrubbed = PhotoScrubber.Scrub(input);

        Assert.NotNull(scrubbed);
        Assert.Equal(("image/png", ".png"), (scrubbed.MimeType, scrubbed.Extension));
        var after = Read(scrubbed.Bytes);
        Assert.Empty(after.OfType<ExifDirectoryBase>());
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<XmpDirectory>());
        Assert.Equal(["PNG-IHDR", "PNG-sRGB"], after.OfType<PngDirectory>().Select(d => d.Name));
        var header = after.OfType<PngDirectory>().First();
        Assert.Equal((4, 2), (header.GetInt32(PngDirectory.TagImageWidth), header.GetInt32(PngDirectory.TagImageHeight)));
        AssertNoPlantedString(scrubbed.Bytes);
        Assert.Equal(["IHDR", "sRGB", "IDAT", "IEND"], Chunks(scrubbed.Bytes).Select(c => c.Type));
        Assert.Equal(Chunks(input).Where(c => c.Type is "IHDR" or "IDAT" or "IEND"), Chunks(scrubbed.Bytes).Where(c => c.Type != "sRGB"));
    }

    [Fact]
    public void Passes_a_png_without_metadata_through_unchanged()
    {
        var input = TestImages.Png();

        Assert.Equal(input, PhotoScrubber.Scrub(input)?.Bytes);
    }

    public static TheoryData<string, byte[]> NotPhotos => new()
    {
        { "empty", [] },
        { "one byte", [0xFF] },
        { "only SOI", [0xFF, Soi] },
        { "garbage", RandomBytes(4096) },
        { "garbage after SOI", [0xFF, Soi, .. RandomBytes(4096)] },
        { "GIF", [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x3B] },
        { "HEIC", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8] },
        { "WebP", [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8 "u8, .. new byte[14]] },
        { "JPEG without a scan", [.. TestImages.Jpeg()[..^13], 0xFF, Eoi] },
        { "JPEG scan without a frame", WithoutSegment(TestImages.Jpeg(), 0xC0) },
        { "JPEG segment running past the end", WithLengthAt(TestImages.Jpeg(), 4, 0xFFF0) },
        { "JPEG segment length below 2", WithLengthAt(TestImages.Jpeg(), 4, 1) },
        { "JPEG with a second SOI", [0xFF, Soi, .. TestImages.Jpeg()] },
        { "PNG signature only", TestImages.Png()[..8] },
        { "PNG chunk running past the end", WithLengthAt32(TestImages.Png(), 8, 0x7FFFFFF0) },
        { "PNG without IHDR first", [.. TestImages.Png()[..8], .. TestImages.Png()[33..]] },
        { "PNG without image data", [.. TestImages.Png()[..33], .. TestImages.Png()[^12..]] },
        { "PNG with an unknown critical chunk", WithChunkAfterHeader(TestImages.Png(), "ZZZZ"u8) },
        { "PNG with a chunk type that is not letters", WithChunkAfterHeader(TestImages.Png(), "ab1d"u8) },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public void Refuses_what_is_not_a_well_formed_jpeg_or_png(string what, byte[] bytes)
    {
        Assert.True(PhotoScrubber.Scrub(bytes) is null, what);
    }

    [Fact]
    public void Keeps_an_unknown_ancillary_png_chunk_out_but_the_image_in()
    {
        var scrubbed = PhotoScrubber.Scrub(WithChunkAfterHeader(TestImages.Png(), "zzZz"u8));

        Assert.Equal(TestImages.Png(), scrubbed?.Bytes);
    }

    [Fact]
    public void Refuses_every_truncated_copy_of_a_photo()
    {
        byte[][] photos = [TestImages.JpegWithMetadata(6), TestImages.ProgressiveJpeg(true), TestImages.PngWithMetadata()];

        foreach (var photo in photos)
        {
            for (var length = 0; length < photo.Length; length++)
            {
                Assert.True(PhotoScrubber.Scrub(photo.AsSpan(0, length)) is null, $"cut at {length} of {photo.Length}");
            }
        }
    }

    [Fact]
    public void Never_throws_whatever_byte_of_a_photo_is_damaged()
    {
        byte[][] photos = [TestImages.JpegWithMetadata(6, bigEndian: true), TestImages.ProgressiveJpeg(true), TestImages.PngWithMetadata()];

        foreach (var photo in photos)
        {
            for (var at = 0; at < photo.Length; at++)
            {
                foreach (byte value in (byte[])[0x00, 0x01, 0x7F, 0xD9, 0xDA, 0xFF, (byte)~photo[at]])
                {
                    var damaged = photo.ToArray();
                    damaged[at] = value;
                    var scrubbed = PhotoScrubber.Scrub(damaged);
                    Assert.True(scrubbed is null || scrubbed.Bytes.Length <= damaged.Length + 36, $"byte {at} set to {value}");
                }
            }
        }
    }

    private static IReadOnlyList<MetadataDirectory> Read(byte[] image)
    {
        using var stream = new MemoryStream(image);
        return ImageMetadataReader.ReadMetadata(stream);
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static void AssertNoPlantedString(byte[] bytes) =>
        Assert.All(TestImages.PlantedStrings, s => Assert.False(Contains(bytes, s), $"'{s}' is still in the photo"));

    /// <summary>The markers up to and including the first SOS, read independently of the scrubber.</summary>
    private static List<byte> Markers(byte[] jpeg)
    {
        List<byte> markers = [Soi];
        for (var pos = 2; ; pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2)))
        {
            markers.Add(jpeg[pos + 1]);
            if (jpeg[pos + 1] == Sos)
            {
                return markers;
            }
        }
    }

    /// <summary>Everything from the first SOS marker to the end: scan headers, entropy-coded data, restarts, EOI.</summary>
    private static byte[] ScanData(byte[] jpeg) => jpeg[SegmentStart(jpeg, Sos)..];

    private static byte[] Segment(byte[] jpeg, byte marker)
    {
        var start = SegmentStart(jpeg, marker);
        return jpeg[start..(start + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(start + 2)))];
    }

    private static int SegmentStart(byte[] jpeg, byte marker)
    {
        var pos = 2;
        while (jpeg[pos + 1] != marker)
        {
            Assert.NotEqual(Sos, jpeg[pos + 1]);
            pos += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(pos + 2));
        }

        return pos;
    }

    private static byte[] WithoutSegment(byte[] jpeg, byte marker)
    {
        var segment = Segment(jpeg, marker);
        var start = SegmentStart(jpeg, marker);
        return [.. jpeg[..start], .. jpeg[(start + segment.Length)..]];
    }

    private static byte[] WithLengthAt(byte[] bytes, int at, ushort length)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at), length);
        return copy;
    }

    private static byte[] WithLengthAt32(byte[] bytes, int at, uint length)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(at), length);
        return copy;
    }

    /// <summary>Inserts an empty chunk of the given type after IHDR (8-byte signature + 25-byte IHDR).</summary>
    private static byte[] WithChunkAfterHeader(byte[] png, ReadOnlySpan<byte> type) =>
        [.. png[..33], 0, 0, 0, 0, .. type, 0, 0, 0, 0, .. png[33..]];

    private sealed record Chunk(string Type, string Hex);

    private static List<Chunk> Chunks(byte[] png)
    {
        List<Chunk> chunks = [];
        for (var pos = 8; pos < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            chunks.Add(new Chunk(Encoding.ASCII.GetString(png, pos + 4, 4), Convert.ToHexString(png, pos, 12 + length)));
            pos += 12 + length;
        }

        return chunks;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20261120).NextBytes(bytes);
        bytes[0] = 0x42; // neither a JPEG nor a PNG start, whatever the seed gives
        return bytes;
    }
}
