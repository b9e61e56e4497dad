using CoachBot.Coaching.Escalations;

namespace CoachBot.Coaching.Tests.Escalations;

public sealed class EscalationOptionsValidatorTests
{
    [Fact]
    public void DefaultsAreValid()
    {
        Assert.True(new EscalationOptionsValidator().Validate(null, new EscalationOptions()).Succeeded);
    }

    [Fact]
    public void BadValuesNameTheirKeys()
    {
        var options = new EscalationOptions { AckDeadline = TimeSpan.Zero, MissedNudgesInARow = 0, DefaultSnooze = TimeSpan.FromDays(90) };

        var result = new EscalationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Escalations:AckDeadline", result.FailureMessage);
        Assert.Contains("Escalations:MissedNudgesInARow", result.FailureMessage);
        Assert.Contains("Escalations:DefaultSnooze", result.FailureMessage);
        Assert.DoesNotContain("SkipLevelAfter", result.FailureMessage);
    }
}
