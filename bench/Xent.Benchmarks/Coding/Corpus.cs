namespace Xent.Benchmarks.Coding;

/// <summary>
/// Local benchmark inputs, no network, made by bench/peers/huffman-corpus.sh (so zstd and Xent read the same bytes):
/// text.bin, the first 20 MB of the uncompressed files under /usr/share/doc, and binary.bin, the first 20 MB of the
/// shared libraries in /usr/lib/x86_64-linux-gnu, in the directory $XENT_CORPUS (default /tmp/xent-corpus).
/// </summary>
internal static class Corpus
{
    private static string Directory => Environment.GetEnvironmentVariable("XENT_CORPUS") ?? "/tmp/xent-corpus";

    public static byte[] Text => s_text ??= Read("text.bin");

    public static byte[] Binary => s_binary ??= Read("binary.bin");

    private static byte[]? s_text;
    private static byte[]? s_binary;

    private static byte[] Read(string name)
    {
        string path = Path.Combine(Directory, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing; run bench/peers/huffman-corpus.sh first.", path);
        return File.ReadAllBytes(path);
    }
}
