using System.Buffers.Binary;
using System.IO.Compression;

namespace Helpdesk.Bot.Tests.Deployment;

/// <summary>
/// Just enough of PNG to check an app icon: the header's size and format, and the pixels of an
/// 8-bit RGBA image (all five row filters of the PNG spec, no interlacing).
/// </summary>
internal sealed record PngImage(int Width, int Height, byte BitDepth, byte ColorType, byte Interlace, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public const byte TrueColorWithAlpha = 6;

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException($"{path} is not a PNG file.");

        int width = 0, height = 0;
        byte depth = 0, colorType = 0, interlace = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at + 8 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var kind = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (kind == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (depth, colorType, interlace) = (data[8], data[9], data[12]);
            }
            else if (kind == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        var pixels = depth == 8 && colorType == TrueColorWithAlpha && interlace == 0 ? Unfilter(compressed.ToArray(), width, height) : [];
        return new PngImage(width, height, depth, colorType, interlace, pixels);
    }

    /// <summary>The (r, g, b, a) of the pixel at (x, y); only for 8-bit RGBA images.</summary>
    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var at = ((y * Width) + x) * 4;
        return (Rgba[at], Rgba[at + 1], Rgba[at + 2], Rgba[at + 3]);
    }

    private static byte[] Unfilter(byte[] zlib, int width, int height)
    {
        using var inflated = new MemoryStream();
        using (var stream = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress)) stream.CopyTo(inflated);
        var raw = inflated.ToArray();

        const int Bpp = 4;
        var stride = width * Bpp;
        var image = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= Bpp ? image[(y * stride) + i - Bpp] : 0;
                int up = y > 0 ? image[((y - 1) * stride) + i] : 0;
                int upLeft = y > 0 && i >= Bpp ? image[((y - 1) * stride) + i - Bpp] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG row filter {filter}."),
                };
                image[(y * stride) + i] = (byte)(source[i] + predicted);
            }
        }

        return image;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
