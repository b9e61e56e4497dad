namespace CoachBot.Bot.WebConsole;

internal static class ConsoleSchemes
{
    public const string Cookie = "console";
    public const string Slack = "slack";
    public const string Entra = "entra";
    public const string Policy = "console-viewer";
}

internal static class ConsolePaths
{
    public const string Root = "/console";
    public const string SignIn = "/console/signin";
    public const string SignOut = "/console/signout";
    public const string NotOnRoster = "/console/not-on-roster";
    public const string SignInFailed = "/console/signin?failed=1";
    public const string Stylesheet = "/console/assets/console.css";
}
