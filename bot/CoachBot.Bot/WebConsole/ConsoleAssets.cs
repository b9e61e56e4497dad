namespace CoachBot.Bot.WebConsole;

// Served from the assembly, so the console needs no files beside the binary and nothing from the network.
internal static class ConsoleAssets
{
    public static byte[] Stylesheet { get; } = Read("CoachBot.Bot.WebConsole.console.css");

    private static byte[] Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in CoachBot.Bot");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
