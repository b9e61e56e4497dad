using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Bot.Slack;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CoachBot.Bot.Tests.Slack;

// The shipped manifest and the code must agree: same paths, every handled event subscribed, the scopes the calls need.
public sealed class SlackManifestTests
{
    private static readonly string Root = FindRoot();
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void IsValidAgainstSlacksPublishedManifestSchema()
    {
        // Draft-07 keeps reusable parts under "definitions", which the library treats as an unknown keyword unless allowed.
        var options = new BuildOptions { Dialect = Dialect.Draft07.With([], null, null, allowUnknownKeywords: true) };
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "deploy", "slack", "schema", "slack-app-manifest.schema.1.0.0.json")), options);

        var manifest = ToJson(Manifest)!.AsObject();
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(manifest), new EvaluationOptions { OutputFormat = OutputFormat.List });
        manifest["features"]!["app_home"]!["messages_tab"] = true;
        var broken = schema.Evaluate(JsonSerializer.SerializeToElement(manifest));

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.False(broken.IsValid);
    }

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

    [Fact]
    public void TheInstallAsksForExactlyTheManifestsBotScopesAndRedirectsToTheMappedEndpoint()
    {
        var scopes = Sequence("oauth_config", "scopes", "bot").Select(n => n.ToString());
        var redirects = Sequence("oauth_config", "redirect_urls").Select(n => n.ToString()).ToList();

        Assert.Equal(Platforms.Slack.SlackOptions.DefaultScopes, string.Join(',', scopes));
        Assert.EndsWith("/slack/oauth_redirect", Assert.Single(redirects));
        Assert.Equal("false", Scalar("settings", "token_rotation_enabled"));
    }

    [Fact]
    public void TheSocketModeManifestIsTheSameAppWithSocketModeOnAndNoRequestUrls()
    {
        var options = new BuildOptions { Dialect = Dialect.Draft07.With([], null, null, allowUnknownKeywords: true) };
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "deploy", "slack", "schema", "slack-app-manifest.schema.1.0.0.json")), options);
        var http = ToJson(Manifest)!.AsObject();
        var socket = ToJson(Load("manifest.socket-mode.yaml"))!.AsObject();

        Assert.True(schema.Evaluate(JsonSerializer.SerializeToElement(socket)).IsValid);
        Assert.Equal(true, (bool?)socket["settings"]!["socket_mode_enabled"]);
        Assert.DoesNotContain("://", socket["settings"]!["event_subscriptions"]!.ToJsonString() + socket["settings"]!["interactivity"]!.ToJsonString()
            + socket["features"]!["slash_commands"]!.ToJsonString(), StringComparison.Ordinal);
        foreach (var manifest in new[] { http, socket })
        {
            manifest["settings"]!["event_subscriptions"]!.AsObject().Remove("request_url");
            manifest["settings"]!["interactivity"]!.AsObject().Remove("request_url");
            manifest["settings"]!.AsObject().Remove("socket_mode_enabled");
            manifest["features"]!["slash_commands"]![0]!.AsObject().Remove("url");
        }

        Assert.Equal(http.ToJsonString(), socket.ToJsonString());
    }

    private static string Scalar(params string[] path) => Scalar(Manifest, path);

    private static string Scalar(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current)[key]).ToString();

    private static IList<YamlNode> Sequence(params string[] path) =>
        ((YamlSequenceNode)path.Aggregate((YamlNode)Manifest, (current, key) => ((YamlMappingNode)current)[key])).Children;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoachBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    private static YamlMappingNode Load(string file = "manifest.yaml")
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(Path.Combine(Root, "deploy", "slack", file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    // YAML 1.2 core schema: unquoted true/false and numbers are typed, everything else is a string.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(c.Key.ToString(), ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } n when long.TryParse(n.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
