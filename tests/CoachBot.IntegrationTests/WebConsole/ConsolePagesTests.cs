using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoachBot.Bot.WebConsole.Pages;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Profiles;
using static System.Net.WebUtility;

namespace CoachBot.IntegrationTests.WebConsole;

public sealed partial class ConsolePagesTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    private static readonly string[] Viewers = ["Ada Admin", "Mia Manager", "Max Lead", "Olga Other", "Cal Chain", ConsoleWorld.TrickyName];
    private static readonly string TrickyEncoded = HtmlEncode(ConsoleWorld.TrickyName);

    [Fact]
    public async Task NoPageEverShowsARepsPrivateWordsToAnyRole()
    {
        foreach (var viewer in Viewers)
        {
            foreach (var page in world.Pages)
            {
                var html = await page.RenderAsync(world.Viewer(viewer), new Dictionary<string, string>(), default);

                Assert.DoesNotContain("PINEAPPLE", html, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("my big deal", html, StringComparison.Ordinal);
                Assert.DoesNotContain("<b>O'Neil", html, StringComparison.Ordinal);
            }
        }

        world.Errors.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task AdminSeesEveryRepOnTheTeamPageWithNamesEncoded()
    {
        var html = await world.RenderAsync("team", "Ada Admin");

        foreach (var name in ConsoleWorld.MiaDirect.Concat(ConsoleWorld.MaxReps).Concat(ConsoleWorld.OlgaReps))
        {
            Assert.Contains(HtmlEncode(name), html, StringComparison.Ordinal);
        }

        Assert.Contains(TrickyEncoded, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerSeesTheirWholeChainButNotTheOtherManagersReps()
    {
        var html = await world.RenderAsync("team", "Mia Manager");

        foreach (var name in ConsoleWorld.MiaDirect.Concat(ConsoleWorld.MaxReps))
        {
            Assert.Contains(HtmlEncode(name), html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Otto Outside", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Oona Outside", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerLowerInTheChainSeesOnlyTheirOwnReps()
    {
        var html = await world.RenderAsync("team", "Max Lead");

        Assert.All(ConsoleWorld.MaxReps, name => Assert.Contains(name, html, StringComparison.Ordinal));
        Assert.DoesNotContain("Ana Direct", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Otto Outside", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepSeesOnlyThemselvesOnEveryPage()
    {
        foreach (var page in world.Pages.Where(p => p.IsVisibleTo(world.Viewer("Cal Chain"))))
        {
            var html = await page.RenderAsync(world.Viewer("Cal Chain"), new Dictionary<string, string>(), default);

            foreach (var other in ConsoleWorld.MiaDirect.Concat(ConsoleWorld.OlgaReps).Append("Dee Chain").Append("Eli Chain"))
            {
                Assert.DoesNotContain(HtmlEncode(other), html, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Cal Chain", await world.RenderAsync("team", "Cal Chain"), StringComparison.Ordinal);
        Assert.False(world.Page("delivery").IsVisibleTo(world.Viewer("Cal Chain")));
    }

    [Fact]
    public async Task TeamPageShowsStyleRaceGoalProgressStreakReachabilityAndNextNudgeInLocalTime()
    {
        var html = await world.RenderAsync("team", "Max Lead");
        var cal = RowOf(html, "Cal Chain");

        Assert.Contains("<td>Driver</td>", cal, StringComparison.Ordinal);
        Assert.Contains("<td>Sprint</td>", cal, StringComparison.Ordinal);
        // 5 calls logged on Monday 2 March count this week; the 9 logged the Friday before are last week's, her best so far.
        Assert.Contains("5 calls of 20 this week (25 %)", cal, StringComparison.Ordinal);
        Assert.Contains("5 calls of 20 this week (25 %), ahead of pace &#183; best week: 9 &#183; 0 weeks on target in a row (record 0)", cal, StringComparison.Ordinal);
        Assert.Contains("9/12 (75%)", cal, StringComparison.Ordinal);
        Assert.Contains("<svg", cal, StringComparison.Ordinal);
        Assert.Contains("Tue 3 Mar, 09:30 (Europe/Berlin time)", cal, StringComparison.Ordinal);
        Assert.Contains("<td>Yes</td>", cal, StringComparison.Ordinal);
        Assert.Contains("<td>3 in a row; best 3; most in a week 4</td>", cal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnansweredNudgeOnAVacationDayDoesNotBreakTheStreak()
    {
        // Dee left one nudge unanswered on 24 February, inside her vacation: her run carries on where Cal's restarted.
        var dee = RowOf(await world.RenderAsync("team", "Max Lead"), "Dee Chain");

        Assert.Contains("<td>6 in a row; best 6; most in a week 4</td>", dee, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRepsStreakOnTheTeamPageIsTheStreakTheRepSeesThemselves()
    {
        // One rule for pauses, vacations and holidays: the console must not show a manager another streak than `streak`.
        var html = await world.RenderAsync("team", "Max Lead");
        Assert.Contains("<td>6 in a row; best 6; most in a week 4</td>", RowOf(html, "Eli Chain"), StringComparison.Ordinal);
        var streaks = new CoachBot.Coaching.Conversation.RepStreaks(
            new CoachBot.Coaching.Scheduling.NudgeDeliveries(world.DataSource, world.Clock), new CoachBot.Coaching.Profiles.RepScheduleStore(world.DataSource), world.Clock);
        foreach (var name in ConsoleWorld.MaxReps)
        {
            var own = await streaks.ForAsync(world.People[name].Id, CancellationToken.None);
            Assert.Contains($"<td>{own.Current} in a row; best {own.Best}; ", RowOf(html, name), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnreachableRepCarriesTheReasonAndWhatToDo()
    {
        var ben = RowOf(await world.RenderAsync("team", "Mia Manager"), "Ben Direct");

        // The same words the chat's `unreachable` uses (ReachAdvice), not a console-only table.
        Assert.Contains("No. CoachBot&#39;s Teams app is not installed for them. What to do: Run `install teams`, or ask them to add CoachBot in Teams.", ben, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoachingPageShowsGroupsOfFiveOrMoreAndSaysWhySmallerOnesAreHidden()
    {
        var html = await world.RenderAsync("coaching", "Mia Manager");

        Assert.Contains("Reply rate by style rendering", html, StringComparison.Ordinal);
        Assert.Contains("<td>Driver</td><td>6</td>", html, StringComparison.Ordinal);
        Assert.Contains("Hidden because fewer than 5 reps are in the group: Amiable (2 reps).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Amiable</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoachingPageHidesEveryTeamAggregateForAManagerOfThree()
    {
        var html = await world.RenderAsync("coaching", "Max Lead");

        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Hidden because fewer than 5 reps are in the group: All nudges (3 reps).", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoachingPageShowsARepTheirOwnNumbers()
    {
        var html = await world.RenderAsync("coaching", "Cal Chain");

        Assert.Contains("Your coaching, week by week", html, StringComparison.Ordinal);
        Assert.Contains("<td>All nudges</td><td>1</td><td>9/12 (75%)</td><td>4.0</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryPageExplainsEach429UnknownOutcomeAndUnreachablePersonInTheViewersScope()
    {
        var mia = await world.RenderAsync("delivery", "Mia Manager");

        Assert.Contains("Teams tenant", mia, StringComparison.Ordinal);
        Assert.Contains(HtmlEncode(DeliveryAdvice.RateLimited("teams").Reason), mia, StringComparison.Ordinal);
        Assert.Contains(HtmlEncode(DeliveryAdvice.RateLimited("teams").WhatToDo), mia, StringComparison.Ordinal);
        Assert.Contains(HtmlEncode(DeliveryAdvice.UnknownOutcome("teams", "unknown-outcome").WhatToDo), mia, StringComparison.Ordinal);
        Assert.Contains("<td>CoachBot&#39;s Teams app is not installed for them.</td><td>Run `install teams`, or ask them to add CoachBot in Teams.</td>", mia, StringComparison.Ordinal);
        Assert.Contains("<td>Cal Chain</td><td>Mon 2 Mar 07:00</td><td>pending</td><td>2</td>", mia, StringComparison.Ordinal);
        Assert.Contains("<td>Ana Direct</td><td>Mon 2 Mar 07:00</td><td>unknown</td>", mia, StringComparison.Ordinal);
        Assert.DoesNotContain("Otto Outside", mia, StringComparison.Ordinal);
        Assert.Contains("Otto Outside", await world.RenderAsync("delivery", "Ada Admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationsPageScopesToTheChainAndMeasuresTimeToAcknowledgeAgainstTheDeadline()
    {
        var admin = await world.RenderAsync("escalations", "Ada Admin");
        var mia = await world.RenderAsync("escalations", "Mia Manager");
        var rep = await world.RenderAsync("escalations", "Cal Chain");

        Assert.All(world.Escalations.Values, id => Assert.Contains(EscalationId.Format(id), admin, StringComparison.Ordinal));
        Assert.Contains(EscalationId.Format(world.Escalations["Ana Direct"]), mia, StringComparison.Ordinal);
        Assert.Contains(EscalationId.Format(world.Escalations["Cal Chain"]), mia, StringComparison.Ordinal);
        Assert.DoesNotContain(EscalationId.Format(world.Escalations["Otto Outside"]), mia, StringComparison.Ordinal);
        Assert.Contains("after 30 minutes; deadline was 4 hours (met)", admin, StringComparison.Ordinal);
        Assert.Contains("the deadline passed 2 hours ago. The owner should acknowledge it in the managers&#39; channel now.", mia, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Max Lead</td><td>1 of 1</td><td>1 of 1</td><td>30 minutes</td><td>0</td></tr>", admin, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Mia Manager</td><td>0 of 1</td><td>0 of 0</td><td>none acknowledged yet</td><td>1</td></tr>", admin, StringComparison.Ordinal);
        Assert.Contains(EscalationId.Format(world.Escalations["Cal Chain"]), rep, StringComparison.Ordinal);
        Assert.DoesNotContain(EscalationId.Format(world.Escalations["Ana Direct"]), rep, StringComparison.Ordinal);
        Assert.DoesNotContain("Time to acknowledge", rep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibraryListsEveryIntentAndPreviewsEachInAllFourStylesWithBothPlatformsJsonAndLinterResults()
    {
        var library = world.Get<NudgeLibrary>();
        var index = await world.RenderAsync("library", "Cal Chain");

        Assert.Equal(library.Intents.Count, IntentLink().Matches(index).Count);
        foreach (var intent in library.Intents)
        {
            var html = await world.RenderAsync("library", "Mia Manager", new Dictionary<string, string> { ["intent"] = intent.Id });

            Assert.Contains("<h3>Linter results</h3>", html, StringComparison.Ordinal);
            Assert.Contains("Passes every content rule", html, StringComparison.Ordinal);
            foreach (var style in CommunicationStyles.All)
            {
                Assert.Contains($"<h3>{char.ToUpperInvariant(style.Label()[0])}{style.Label()[1..]}</h3>", html, StringComparison.Ordinal);
            }

            Assert.Equal(4, Regex.Matches(html, "<pre class=\"json block-kit\">").Count);
            Assert.Equal(4, Regex.Matches(html, "<pre class=\"json adaptive-card\">").Count);
            Assert.Contains("&quot;type&quot;: &quot;AdaptiveCard&quot;", html, StringComparison.Ordinal);
            Assert.Contains("&quot;type&quot;: &quot;actions&quot;", html, StringComparison.Ordinal);
            Assert.Contains("<span class=\"button\">Done</span>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LibrarySaysSoWhenAnIntentDoesNotExistAndEncodesWhatWasAsked()
    {
        var html = await world.RenderAsync("library", "Ada Admin", new Dictionary<string, string> { ["intent"] = "<script>x</script>" });

        Assert.Contains("There is no intent called &quot;&lt;script&gt;x&lt;/script&gt;&quot;. Pick one from the list below.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryChartOnEveryPageIsWellFormedSvg()
    {
        var charts = 0;
        foreach (var viewer in Viewers)
        {
            foreach (var page in world.Pages.Where(p => p.IsVisibleTo(world.Viewer(viewer))))
            {
                foreach (Match svg in Svg().Matches(await page.RenderAsync(world.Viewer(viewer), new Dictionary<string, string>(), default)))
                {
                    Assert.Equal("svg", XElement.Parse(svg.Value).Name.LocalName);
                    charts++;
                }
            }
        }

        Assert.True(charts > 20, $"only {charts} charts rendered");
    }

    [Fact]
    public void PagesAreOrderedAndNamedForTheNavigation()
    {
        Assert.Equal(["team", "coaching", "delivery", "escalations", "library"], world.Pages.Select(p => p.Slug));
        Assert.Equal(["Team", "Coaching", "Delivery", "Escalations", "Library"], world.Pages.Select(p => p.Title));
    }

    private static string RowOf(string html, string name) =>
        Regex.Match(html, $"<tr><td>{Regex.Escape(HtmlEncode(name))}</td>.*?</tr>", RegexOptions.Singleline) is { Success: true } row
            ? row.Value
            : throw new Xunit.Sdk.XunitException($"no row for {name} in:\n{html}");

    [GeneratedRegex("<a href=\"\\?intent=[^\"]+\">")]
    private static partial Regex IntentLink();

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();
}
