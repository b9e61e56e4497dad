using System.Text.Json.Nodes;
using CoachBot.Bot.WebConsole;
using CoachBot.Bot.WebConsole.Pages;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Bot.Tests.WebConsole.Pages;

public sealed class LibraryPageTests
{
    private const string Broken = "closing-sprint-newer-dated-next-step";
    private static readonly ConsoleViewer Rep = new(1, 1, PersonRole.Rep, "Sam");

    private static NudgeLibrary EmbeddedWith(Func<string, string, string> edit)
    {
        var assembly = typeof(NudgeLibrary).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.Contains(".Content.nudges.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(n =>
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
            var file = n[(n.IndexOf(".Content.nudges.", StringComparison.Ordinal) + 16)..];
            return new NudgeContentFile(file, edit(file, reader.ReadToEnd()));
        });
        return NudgeLibrary.Load(files);
    }

    private static Task<string> Render(NudgeLibrary library, string? intent = null) =>
        new LibraryPage(library, new LibraryLint(library)).RenderAsync(Rep, intent is null ? new Dictionary<string, string>() : new() { ["intent"] = intent }, default);

    [Fact]
    public async Task ShowsTheLintersFindingsForTheIntentThatBreaksARule()
    {
        var library = EmbeddedWith((file, yaml) => file == "closing.yaml" ? yaml.Replace("No \"I'll follow up\".", "No \"I'll follow up\". Be a team player.", StringComparison.Ordinal) : yaml);

        var detail = await Render(library, Broken);
        var index = await Render(library);

        Assert.Contains("<td>no-team-player-framing</td>", detail, StringComparison.Ordinal);
        Assert.Contains("&quot;team player&quot;: coach the individual, not the team", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Passes every content rule", detail, StringComparison.Ordinal);
        Assert.Matches($"{Broken}</a></td>.*?<td>\\d+ findings?</td>", index);
    }

    [Fact]
    public async Task AnIntentThatPassesSaysSo()
    {
        var html = await Render(NudgeLibrary.LoadEmbedded(), Broken);

        Assert.Contains("Passes every content rule", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreviewShowsTheSameWordsAsTheBlockKitAndAdaptiveCardJson()
    {
        var intent = NudgeLibrary.LoadEmbedded().Find(Broken)!;

        var rendering = LibraryPreview.Render(intent, CommunicationStyle.Driver);
        var html = LibraryPreview.Html(rendering);

        var section = (string)rendering.Blocks[0]!["text"]!["text"]!;
        var textBlock = (string)rendering.Card["body"]![0]!["text"]!;
        Assert.StartsWith("Today: every call ends with a dated next step.", section, StringComparison.Ordinal);
        Assert.Equal("AdaptiveCard", (string)rendering.Card["type"]!);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(textBlock).Replace("\n", "<br>", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<span class=\"button\">Done</span>").Length - 1);
        Assert.Contains("&quot;type&quot;: &quot;section&quot;", html, StringComparison.Ordinal);
        Assert.IsType<JsonArray>(JsonNode.Parse(rendering.Blocks.ToJsonString()));
    }
}
