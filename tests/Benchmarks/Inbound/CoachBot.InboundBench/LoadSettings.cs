using System.Text;

namespace CoachBot.InboundBench;

internal sealed record LoadSettings(Uri Target, byte[] Secret, Uri Fake, string Text, TimeSpan Duration, TimeSpan Warmup, int Connections, int Users)
{
    public static LoadSettings From(BenchArgs args) => new(
        new Uri(args.Required("url")),
        Encoding.UTF8.GetBytes(args.Required("secret")),
        new Uri(args.Str("fake", "http://127.0.0.1:5310/")),
        args.Str("text", "help"),
        TimeSpan.FromSeconds(args.Int("seconds", 10)),
        TimeSpan.FromSeconds(args.Int("warmup", 3)),
        args.Int("connections", 32),
        args.Int("users", BenchUsers.Count));
}
