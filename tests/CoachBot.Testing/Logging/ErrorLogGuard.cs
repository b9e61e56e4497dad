using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Logging;

/// <summary>
/// The invariant that an integration test logs no error: every entry at <see cref="LogLevel.Error"/> or above fails the
/// test, unless the test declared it with <see cref="Expect"/> (a test that provokes a failure on purpose says which
/// one, and why). There is deliberately no switch to turn the check off.
/// </summary>
public sealed class ErrorLogGuard
{
    private readonly List<(string Why, Func<LoggedEntry, bool> Matches)> _expected = [];

    public LogCollector Logs { get; } = new();

    /// <summary>Allows the errors <paramref name="matches"/> accepts; <paramref name="why"/> names the failure the test provokes.</summary>
    public void Expect(string why, Func<LoggedEntry, bool> matches)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        lock (_expected)
        {
            _expected.Add((why, matches));
        }
    }

    public IReadOnlyList<LoggedEntry> Unexpected()
    {
        lock (_expected)
        {
            return [.. Logs.Errors.Where(e => !_expected.Any(x => x.Matches(e)))];
        }
    }

    /// <summary>Throws when an error was logged that no <see cref="Expect"/> allowed.</summary>
    public void AssertNoUnexpectedErrors()
    {
        var unexpected = Unexpected();
        if (unexpected.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"The app logged {unexpected.Count} error(s) during the test (declare a deliberate one with ExpectErrors):\n"
                + string.Join('\n', unexpected.Select(e => $"  {e}")));
        }
    }
}
