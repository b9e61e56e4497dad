using CoachBot.Coaching;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Nudges.Composing;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Nudges;
using CoachBot.Testing.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.IntegrationTests.Nudges;

public sealed class NudgeComposerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    // A Monday 09:30 in Chicago.
    private static readonly DateTimeOffset Slot = new(2026, 3, 2, 15, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Slot);
    private readonly RepSeeder _reps = new(database.DataSource);

    [Fact]
    public async Task ComposesTheRepsNudgeInTheirStyleAndRecordsIt()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: "analytical", race: "distance", experience: "experienced", focus: ["forecasting"]);
        var deliveryId = Guid.NewGuid();

        var message = await services.GetRequiredService<INudgeSource>().ComposeNudgeAsync(rep.Id, deliveryId, Slot, CancellationToken.None);

        var record = await services.GetRequiredService<NudgeHistory>().FindAsync(deliveryId, CancellationToken.None);
        var library = services.GetRequiredService<NudgeLibrary>();
        Assert.NotNull(record);
        var intent = library.Find(record.IntentId)!;
        Assert.Equal((FocusSkill.Forecasting, CommunicationStyle.Analytical, false), (intent.Skill, record.Style, record.StyleAssumed));
        Assert.True(intent.Fits(Race.Distance, ExperienceLevel.Experienced));
        Assert.Equal((rep.Id, library.Version, Slot), (record.PersonId, record.LibraryVersion, record.SentAt));
        var expected = NudgeRenderer.Render(intent, CommunicationStyle.Analytical, new NudgeValues("Sam", "reach 120% of quota", DayOfWeek.Monday));
        Assert.Equal(expected.Text, message.Text);
        Assert.Equal(deliveryId, message.DeliveryId);
    }

    [Fact]
    public async Task RetriedDeliveryGetsTheSameWordsEvenAfterTheProfileChanged()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: "driver");
        var source = services.GetRequiredService<INudgeSource>();
        var deliveryId = Guid.NewGuid();

        var first = await source.ComposeNudgeAsync(rep.Id, deliveryId, Slot, CancellationToken.None);
        await _reps.SetStyleAsync(rep.Id, "expressive");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var retried = await source.ComposeNudgeAsync(rep.Id, deliveryId, Slot, CancellationToken.None);

        Assert.Equal(first.Text, retried.Text);
        Assert.Equal(Json(first), Json(retried));
        Assert.Single(await services.GetRequiredService<NudgeHistory>().RecentAsync(rep.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentComposesOfOneDeliveryAgreeOnOneIntent()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: "amiable", focus: ["prospecting", "demo", "negotiation"]);
        var source = services.GetRequiredService<INudgeSource>();
        var deliveryId = Guid.NewGuid();

        var messages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => source.ComposeNudgeAsync(rep.Id, deliveryId, Slot, CancellationToken.None)));

        Assert.Single(messages.Select(m => m.Text).Distinct());
    }

    [Fact]
    public async Task NoIntentRepeatsInsideTheWindow()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: "expressive", race: "middle", focus: ["discovery", "objection_handling"]);
        var source = services.GetRequiredService<INudgeSource>();
        var history = services.GetRequiredService<NudgeHistory>();

        for (var day = 0; day < 15; day++)
        {
            _clock.SetUtcNow(Slot.AddDays(day));
            await source.ComposeNudgeAsync(rep.Id, Guid.NewGuid(), Slot.AddDays(day), CancellationToken.None);
        }

        var sent = await history.RecentAsync(rep.Id, 100, CancellationToken.None);
        Assert.Equal(15, sent.Count);
        Assert.Equal(15, sent.Select(s => s.IntentId).Distinct().Count());
        Assert.Equal([FocusSkill.Discovery, FocusSkill.ObjectionHandling], sent.TakeLast(4).Select(s => s.Skill).Distinct().Order());
    }

    [Fact]
    public async Task RepWithUnknownStyleGetsTheDefaultRenderingMarkedAsAssumed()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: null);
        var deliveryId = Guid.NewGuid();

        await services.GetRequiredService<INudgeSource>().ComposeNudgeAsync(rep.Id, deliveryId, Slot, CancellationToken.None);

        var record = await services.GetRequiredService<NudgeHistory>().FindAsync(deliveryId, CancellationToken.None);
        Assert.Equal((NudgeComposer.DefaultStyle, true), (record!.Style, record.StyleAssumed));
    }

    [Fact]
    public async Task FollowUpRestatesTheSameIntentInTheSameStyle()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: "driver");
        var source = services.GetRequiredService<INudgeSource>();
        var deliveryId = Guid.NewGuid();
        await source.ComposeNudgeAsync(rep.Id, deliveryId, Slot, CancellationToken.None);

        var followUp = await source.ComposeFollowUpAsync(rep.Id, deliveryId, CancellationToken.None);

        var record = await services.GetRequiredService<NudgeHistory>().FindAsync(deliveryId, CancellationToken.None);
        var intent = services.GetRequiredService<NudgeLibrary>().Find(record!.IntentId)!;
        Assert.Equal($"Still open: {intent.Action} Tap Done or Need help.", followUp.Text);
        Assert.Contains(followUp.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.Value == $"{deliveryId}:3");
    }

    [Fact]
    public async Task AFollowUpDeliveryOfItsOwnRestatesTheNudgeItFollows()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: "driver");
        var source = services.GetRequiredService<INudgeSource>();
        var nudgeId = await database.DataSource.AddSentNudgeAsync(rep.Id, Slot);
        await source.ComposeNudgeAsync(rep.Id, nudgeId, Slot, CancellationToken.None);
        var followUpId = await database.DataSource.AddSentFollowUpAsync(nudgeId, Slot.AddHours(4));

        var followUp = await source.ComposeFollowUpAsync(rep.Id, followUpId, CancellationToken.None);

        var record = await services.GetRequiredService<NudgeHistory>().FindAsync(nudgeId, CancellationToken.None);
        var intent = services.GetRequiredService<NudgeLibrary>().Find(record!.IntentId)!;
        Assert.Equal($"Still open: {intent.Action} Tap Done or Need help.", followUp.Text);
        Assert.Contains(followUp.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.Value == $"{followUpId}:3");
        Assert.Single(await services.GetRequiredService<NudgeHistory>().RecentAsync(rep.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task DeliveryOfARetiredIntentStillComposesAndFollowsUp()
    {
        using var services = Services();
        var rep = await _reps.SeedAsync(style: "amiable");
        var deliveryId = Guid.NewGuid();
        await services.GetRequiredService<NudgeHistory>().RecordSentAsync(
            new NudgeRecord(rep.Id, deliveryId, "retired-intent", 0, CommunicationStyle.Amiable, false, FocusSkill.Demo, Slot), CancellationToken.None);
        var source = services.GetRequiredService<INudgeSource>();

        var nudge = await source.ComposeNudgeAsync(rep.Id, deliveryId, Slot, CancellationToken.None);
        var followUp = await source.ComposeFollowUpAsync(rep.Id, deliveryId, CancellationToken.None);

        Assert.Equal(deliveryId, nudge.DeliveryId);
        Assert.Contains("Sam", nudge.Text); // a fresh Amiable rendering, addressed to the rep by name
        Assert.Equal("Checking in on today's nudge. Tap Done or Need help, or rate how confident you feel.", followUp.Text);
    }

    [Fact]
    public async Task ProgramWiresTheComposerAndRejectsABadRepeatWindow()
    {
        await using (var app = new CoachBotApplication(database))
        {
            Assert.IsType<NudgeComposer>(app.Services.GetRequiredService<INudgeSource>());
        }

        await using var misconfigured = new CoachBotApplication(database).WithSetting("Coaching:RepeatWindowDays", "-3");
        var error = Assert.ThrowsAny<Exception>(() => misconfigured.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoachingOptions>>().Value.RepeatWindowDays.ToString());
        Assert.Contains("RepeatWindowDays", error.ToString());
    }

    // Blocks hold lists, which records compare by reference; compare what a renderer would see instead.
    private static string Json(CoachMessage message) => System.Text.Json.JsonSerializer.Serialize(message.Blocks.Cast<object>());

    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(database.DataSource)
            .AddSingleton<TimeProvider>(_clock)
            .AddNudgeLibrary()
            .Configure<CoachingOptions>(o => o.RepeatWindowDays = 30)
            .BuildServiceProvider();
}
