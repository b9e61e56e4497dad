using Polly;
using Polly.Retry;

namespace CoachBot.Platforms.Sending;

/// <summary>
/// The one retry pipeline of the Slack and Teams clients (Polly v8): bounded attempts, exponential backoff with jitter,
/// the platform's Retry-After honoured as the delay, an optional overall deadline. What is worth another attempt is
/// the platform's decision (<see cref="SendRetryRules{TCall}.ShouldRetry"/>), taken per call: whether a resend could
/// duplicate a message that may have landed, or whether a batch that prepaid the slot owns the back-off, depends on it.
/// </summary>
internal sealed class SendRetry<TCall>
    where TCall : class
{
    private static readonly ResiliencePropertyKey<TCall> Call = new("coachbot.send.call");
    private static readonly ResiliencePropertyKey<DateTimeOffset> GiveUpAt = new("coachbot.send.giveUpAt");

    private readonly SendRetryRules<TCall> _rules;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    public SendRetry(SendRetryRules<TCall> rules, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rules.MaxAttempts);
        (_rules, _time) = (rules, time);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (rules.Deadline is { } deadline)
        {
            // Outermost, so it bounds the attempts and the waits between them together.
            builder.AddTimeout(deadline);
        }

        if (rules.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = rules.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = rules.BaseDelay,
                MaxDelay = rules.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } failure
                    && args.Context.Properties.TryGetValue(Call, out var call)
                    && rules.ShouldRetry(failure, call)
                    && FitsDeadline(failure, args.Context)),
                // Null falls back to the exponential backoff above.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } failure ? rules.RetryAfter(failure) : null),
                OnRetry = args =>
                {
                    rules.OnRetry?.Invoke(args.Outcome.Exception!, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>Runs <paramref name="attempt"/> (given its number, from 1) until it succeeds or the rules stop it; the last failure is thrown.</summary>
    public async Task<T> ExecuteAsync<T>(TCall call, Func<int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Call, call);
        if (_rules.Deadline is { } deadline)
        {
            context.Properties.Set(GiveUpAt, _time.GetUtcNow() + deadline);
        }

        var number = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async c => await attempt(++number, c.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // A Retry-After that ends past the deadline is not waited for: the caller gets the failure (and its Retry-After) now.
    private bool FitsDeadline(Exception failure, ResilienceContext context) =>
        !context.Properties.TryGetValue(GiveUpAt, out var giveUpAt)
        || _rules.RetryAfter(failure) is not { } wait
        || _time.GetUtcNow() + wait < giveUpAt;
}

/// <summary>
/// A platform's retry classification for <see cref="SendRetry{TCall}"/>: <paramref name="ShouldRetry"/> judges a failed
/// attempt of one call, <paramref name="RetryAfter"/> reads the wait the platform named (null: back off exponentially).
/// </summary>
internal sealed record SendRetryRules<TCall>(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan MaxDelay,
    TimeSpan? Deadline,
    Func<Exception, TCall, bool> ShouldRetry,
    Func<Exception, TimeSpan?> RetryAfter,
    Action<Exception, int, TimeSpan>? OnRetry = null);
