using System.Globalization;
using System.Text;

namespace CoachBot.InboundBench;

/// <param name="Mode">command: signed "/coach {text}" to /slack/commands; events: signed message.im events (text {text}) to /slack/events.</param>
/// <param name="Rate">0: closed loop (as fast as answers come back); otherwise requests per second on a fixed schedule.</param>
internal sealed record LoadSettings(
    Uri Target, byte[] Secret, Uri Fake, string Text, TimeSpan Duration, TimeSpan Warmup, int Connections, int Users, string Mode, double Rate)
{
    public static LoadSettings From(BenchArgs args) => new(
        new Uri(args.Required("url")),
        Encoding.UTF8.GetBytes(args.Required("secret")),
        new Uri(args.Str("fake", "http://127.0.0.1:5310/")),
        args.Str("text", "help"),
        TimeSpan.FromSeconds(args.Int("seconds", 10)),
        TimeSpan.FromSeconds(args.Int("warmup", 3)),
        args.Int("connections", 32),
        args.Int("users", BenchUsers.Count),
        args.Str("mode", "command"),
        double.Parse(args.Str("rate", "0"), CultureInfo.InvariantCulture));
}
