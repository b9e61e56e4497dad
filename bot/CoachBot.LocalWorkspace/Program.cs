namespace CoachBot.LocalWorkspace;

// A named entry point (not top-level statements) so tests that also host CoachBot's global Program see no clash.
internal static class Program
{
    public static async Task Main(string[] args) => await WorkspaceApp.Build(args).RunAsync();
}
