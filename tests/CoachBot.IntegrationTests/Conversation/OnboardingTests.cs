using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using Dapper;

namespace CoachBot.IntegrationTests.Conversation;

public sealed class OnboardingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private RepConversation NewRep() => new(database.DataSource, $"U{Guid.NewGuid():N}");

    private async Task<RepProfile> ProfileOf(RepConversation rep)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var personId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("select id from person where platform_user_id = @id", new { id = rep.Sender.Key.UserId }));
        return (await rep.Get<RepProfileStore>().GetAsync(personId, CancellationToken.None))!;
    }

    // Answers all six questions as a high-assertive, low-responsive (Driver) rep would.
    private static string DriverAnswers() => new(StyleQuiz.Questions
        .Select(q => q.Axis == StyleQuiz.Axis.Assertiveness ? q.HighOption : (q.HighOption == 'a' ? 'b' : 'a')).ToArray());

    [Fact]
    public async Task ANewRepIsWelcomedWithThePrivacyStatementAndTheFirstQuizQuestion()
    {
        await using var rep = NewRep();

        var reply = await rep.StartAsync();

        Assert.Equal(3, reply.Messages.Count);
        Assert.Contains("Hi Sam", MessageText.Of(reply.Messages[0]));
        Assert.Contains("What your manager can see", MessageText.Of(reply.Messages[1]));
        Assert.Contains("question 1 of 6", MessageText.Of(reply.Messages[2]));
        Assert.Equal(OnboardingStep.Quiz, (await ProfileOf(rep)).Step);
    }

    [Fact]
    public async Task StartingAgainDoesNotWelcomeTwice()
    {
        await using var rep = NewRep();
        await rep.StartAsync();

        var again = await rep.StartAsync();

        Assert.Empty(again.Messages);
    }

    [Fact]
    public async Task OnboardingEndToEndSavesEveryStep()
    {
        await using var rep = NewRep();
        var question = (await rep.StartAsync()).Messages[2];
        var answers = DriverAnswers();

        InboxReply reply = InboxReply.None;
        for (var i = 0; i < answers.Length; i++)
        {
            var label = answers[i] == 'a' ? StyleQuiz.Questions[i].OptionA : StyleQuiz.Questions[i].OptionB;
            reply = await rep.PressAsync(question, OnboardingActions.QuizAnswer, label);
            question = reply.UpdatedSource!;
        }

        Assert.Contains("Driver", MessageText.Of(reply.UpdatedSource!));
        Assert.Contains("style analytical", MessageText.Of(reply.UpdatedSource!));
        var racePicker = reply.Messages.Single();
        var afterRace = await rep.PressAsync(racePicker, OnboardingActions.Race, "Distance");
        var focus = afterRace.Messages.Single();
        focus = (await rep.PressAsync(focus, OnboardingActions.FocusToggle, "Discovery")).UpdatedSource!;
        Assert.Contains("Chosen: discovery", MessageText.Of(focus));
        focus = (await rep.PressAsync(focus, OnboardingActions.FocusToggle, "Negotiation")).UpdatedSource!;
        var afterFocus = await rep.PressAsync(focus, OnboardingActions.FocusDone);
        // A distance runner is offered outcome targets by the month or quarter, never daily activity.
        var goalPicker = afterFocus.Messages.Single();
        Assert.Equal(["6 stakeholders mapped monthly", "2 proposals sent monthly", "1 deal closed quarterly", "Skip"],
            goalPicker.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.Label));
        var afterGoal = await rep.PressAsync(goalPicker, OnboardingActions.Goal, "2 proposals sent monthly");
        var done = await rep.PressAsync(afterGoal.Messages.Single(), OnboardingActions.Hours, "08:00–16:30");

        Assert.Contains("all set", MessageText.Of(done.Messages.Single()));
        // A distance rep is nudged weekly: its working day starts at 08:00 and Monday's 08:30 in Berlin has passed (it is 10:00), so next Monday.
        Assert.Equal("You're all set. Your first nudge arrives Mon 9 Nov, 08:30 (Europe/Berlin time).", done.Messages.Single().Blocks.OfType<SectionBlock>().First().Text);
        var profile = await ProfileOf(rep);
        Assert.Equal((CommunicationStyle.Driver, "quiz", Race.Distance, OnboardingStep.Done),
            (profile.Style!.Value, profile.StyleSource, profile.Race, profile.Step));
        Assert.Equal([FocusSkill.Discovery, FocusSkill.Negotiation], profile.FocusSkills);
        Assert.NotNull(profile.OnboardedAt);
        var goal = Assert.Single(await rep.Get<CoachBot.Coaching.Goals.GoalStore>().GoalsAsync(profile.PersonId, includeRemoved: false, CancellationToken.None));
        Assert.Equal("2 proposals sent monthly", goal.Describe());
        var schedule = (await rep.Get<RepScheduleStore>().GetAsync(profile.PersonId, CancellationToken.None))!;
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 30)), (schedule.DayStart, schedule.DayEnd));
        Assert.Equal([new TimeOnly(8, 30)], schedule.SendTimes);
    }

    [Fact]
    public async Task AnAbandonedQuizSavesNothingAndSetupStartsItAgain()
    {
        await using var rep = NewRep();
        await rep.StartAsync();
        await rep.PressAsync(OnboardingActions.QuizAnswer, "ab");
        await rep.PressAsync(OnboardingActions.QuizAnswer, "abb");

        var resumed = await rep.SayAsync("setup");

        var profile = await ProfileOf(rep);
        Assert.Null(profile.Style);
        Assert.Equal(OnboardingStep.Quiz, profile.Step);
        Assert.Contains("question 1 of 6", MessageText.Of(resumed.Messages.Single()));
    }

    [Fact]
    public async Task EveryStepCanBeSkippedAndSetupResumesAtTheCurrentStep()
    {
        await using var rep = NewRep();
        await rep.StartAsync();
        await rep.PressAsync(OnboardingActions.Skip, "quiz");
        await rep.PressAsync(OnboardingActions.Skip, "race");

        var resumed = await rep.SayAsync("/SETUP");
        await rep.PressAsync(OnboardingActions.Skip, "focus");
        await rep.PressAsync(OnboardingActions.Skip, "goals");
        var finished = await rep.PressAsync(OnboardingActions.Skip, "hours");

        Assert.Contains("focus skills", MessageText.Of(resumed.Messages.Single()));
        Assert.Contains("all set", MessageText.Of(finished.Messages.Single()));
        var profile = await ProfileOf(rep);
        Assert.Equal((null, Race.Middle, OnboardingStep.Done), (profile.Style, profile.Race, profile.Step));
        Assert.Empty(profile.FocusSkills);
    }

    [Fact]
    public async Task AReplayedOrStaleStepButtonChangesNothing()
    {
        await using var rep = NewRep();
        await rep.StartAsync();
        await rep.PressAsync(OnboardingActions.Skip, "quiz");
        await rep.PressAsync(OnboardingActions.Race, "sprint");

        var replay = await rep.PressAsync(OnboardingActions.Race, "distance");
        var staleQuiz = await rep.PressAsync(OnboardingActions.QuizAnswer, "aaaaaa");

        var profile = await ProfileOf(rep);
        Assert.Equal((Race.Sprint, OnboardingStep.Focus), (profile.Race, profile.Step));
        Assert.Null(profile.Style);
        Assert.Contains("already saved", MessageText.Of(replay));
        Assert.Contains("already saved", MessageText.Of(staleQuiz));
    }

    [Fact]
    public async Task AForgedQuizValueIsRefused()
    {
        await using var rep = NewRep();
        await rep.StartAsync();

        var reply = await rep.PressAsync(OnboardingActions.QuizAnswer, "abzzzz");

        Assert.Contains("expired", MessageText.Of(reply));
        Assert.Null((await ProfileOf(rep)).Style);
    }
}
