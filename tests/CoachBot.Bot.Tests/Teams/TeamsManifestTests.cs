using System.Text.Json.Nodes;
using CoachBot.Coaching.Managers;

namespace CoachBot.Bot.Tests.Teams;

// deploy/teams/manifest.json offers commands in Teams' compose box; each must be a verb the core's parser knows.
public sealed class TeamsManifestTests
{
    private const int MaxCommandsPerList = 12; // Teams manifest schema v1.24, bots[].commandLists[].commands maxItems

    [Fact]
    public void EveryCommandTheManifestOffersIsAManagerVerbOfTheCoreAndEachListFitsTeamsLimit()
    {
        var lists = Manifest()["bots"]![0]!["commandLists"]!.AsArray();

        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            var titles = list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
            Assert.InRange(titles.Count, 1, MaxCommandsPerList);
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(titles, title => Assert.True(ManagerCommandParser.IsVerb(title), $"manifest command \"{title}\" is not a verb in ManagerCommandParser.Verbs"));
        }
    }

    private static JsonNode Manifest()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "deploy", "teams", "manifest.json");
            if (File.Exists(path))
            {
                return JsonNode.Parse(File.ReadAllText(path))!;
            }
        }

        throw new FileNotFoundException("deploy/teams/manifest.json not found above the test binaries");
    }
}
