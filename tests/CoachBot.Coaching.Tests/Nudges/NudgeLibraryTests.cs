using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Nudges;

public sealed class NudgeLibraryTests
{
    private const string Manifest = """
        version: 3
        follow_ups:
          driver: "Still open: {action}"
        """;

    [Fact]
    public void EmbeddedLibraryLoadsWithAVersionAndAtLeastSixtyIntents()
    {
        var library = NudgeLibrary.LoadEmbedded();

        Assert.True(library.Version >= 1);
        Assert.True(library.Intents.Count >= 60, $"{library.Intents.Count} intents");
        Assert.Equal(CommunicationStyles.All.Order(), library.FollowUpTemplates.Keys.Order());
    }

    [Fact]
    public void IntentFileIsReadIntoTypedIntents()
    {
        var library = NudgeLibrary.Load([new("library.yaml", Manifest), new("demo.yaml", """
            intents:
              - id: demo-one
                skill: demo
                races: [sprint, middle]
                levels: [experienced]
                action: Show one screen.
                why: Focus wins.
                renderings:
                  driver: { text: "One screen.", cta: "Pick: (A) this, (B) that." }
            """)]);

        var intent = Assert.Single(library.Intents);
        Assert.Equal(3, library.Version);
        Assert.Equal(FocusSkill.Demo, intent.Skill);
        Assert.True(intent.Fits(Race.Middle, ExperienceLevel.Experienced));
        Assert.False(intent.Fits(Race.Distance, ExperienceLevel.Experienced));
        Assert.Equal(new NudgeRendering("One screen.", "Pick: (A) this, (B) that."), intent.Renderings[CommunicationStyle.Driver]);
        Assert.Same(intent, library.Find("demo-one"));
    }

    [Fact]
    public void UnknownValuesAreReportedWithFileAndIntent()
    {
        var error = Assert.Throws<NudgeLibraryException>(() => NudgeLibrary.Load([new("library.yaml", Manifest), new("bad.yaml", """
            intents:
              - id: bad-one
                skill: juggling
                races: [marathon-ish]
                levels: [newer]
                action: A.
                why: B.
                renderings:
                  purple: { text: "x", cta: "y." }
            """)]));

        Assert.Contains("bad.yaml intent 'bad-one': unknown skill 'juggling'", error.Problems);
        Assert.Contains("bad.yaml intent 'bad-one': unknown race 'marathon-ish'", error.Problems);
        Assert.Contains("bad.yaml intent 'bad-one': rendering for unknown style 'purple'", error.Problems);
    }

    [Fact]
    public void MisspelledKeyFailsLoadingWithItsLine()
    {
        var error = Assert.Throws<NudgeLibraryException>(() => NudgeLibrary.Load([new("library.yaml", Manifest), new("typo.yaml", """
            intents:
              - id: typo
                skil: demo
            """)]));

        Assert.StartsWith("typo.yaml line 3", Assert.Single(error.Problems));
    }

    [Fact]
    public void LibraryWithoutManifestIsRejected()
    {
        var error = Assert.Throws<NudgeLibraryException>(() => NudgeLibrary.Load([new("demo.yaml", "intents: []")]));

        Assert.Contains("library.yaml", Assert.Single(error.Problems));
    }
}
