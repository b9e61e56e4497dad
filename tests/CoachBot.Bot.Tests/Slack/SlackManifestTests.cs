using CoachBot.Bot.Slack;
using YamlDotNet.RepresentationModel;

namespace CoachBot.Bot.Tests.Slack;

// The shipped manifest and the code must agree: same paths, every handled event subscribed, the scopes the calls need.
public sealed class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void RequestUrlsPointAtTheMappedEndpoints()
    {
        Assert.EndsWith("/slack/events", Scalar("settings", "event_subscriptions", "request_url"));
        Assert.EndsWith("/slack/interactions", Scalar("settings", "interactivity", "request_url"));
        Assert.EndsWith("/slack/commands", Scalar(Sequence("features", "slash_commands")[0], "url"));
        Assert.Equal("/coach", Scalar(Sequence("features", "slash_commands")[0], "command"));
    }

    [Fact]
    public void SubscribesToEveryEventTheEndpointHandlesAsBotEvents()
    {
        var events = Sequence("settings", "event_subscriptions", "bot_events").Select(n => n.ToString()).ToHashSet();

        Assert.Contains("message.im", events);
        Assert.All(SlackEventFilter.Handled.Where(e => e != "message"), e => Assert.Contains(e, events));
    }

    [Fact]
    public void EnablesTheWritableMessagesTabAndTheHomeTab()
    {
        Assert.Equal("true", Scalar("features", "app_home", "messages_tab_enabled"));
        Assert.Equal("false", Scalar("features", "app_home", "messages_tab_read_only_enabled"));
        Assert.Equal("true", Scalar("features", "app_home", "home_tab_enabled"));
    }

    [Fact]
    public void AsksForTheScopesTheClientUses()
    {
        var scopes = Sequence("oauth_config", "scopes", "bot").Select(n => n.ToString()).ToList();

        Assert.Equal(
            ["app_mentions:read", "channels:read", "chat:write", "commands", "groups:read", "im:history", "im:write", "users:read", "users:read.email"],
            scopes.Order());
    }

    private static string Scalar(params string[] path) => Scalar(Manifest, path);

    private static string Scalar(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current)[key]).ToString();

    private static IList<YamlNode> Sequence(params string[] path) =>
        ((YamlSequenceNode)path.Aggregate((YamlNode)Manifest, (current, key) => ((YamlMappingNode)current)[key])).Children;

    private static YamlMappingNode Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoachBot.sln")))
        {
            directory = directory.Parent;
        }

        var stream = new YamlStream();
        using var reader = File.OpenText(Path.Combine(directory!.FullName, "deploy", "slack", "manifest.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
