using System.Security.Claims;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.WebApi.Auth;

/// <summary>Carries a <see cref="Caller"/> in claims. The token itself is never a claim; only a short
/// prefix of its hash, used to count requests per token.</summary>
public static class CallerClaims
{
    public const string AccountId = "ryzeapi:account";
    public const string InstanceId = "ryzeapi:instance";
    public const string InstanceName = "ryzeapi:instance_name";
    public const string TokenKey = "ryzeapi:token_key";

    public static IEnumerable<Claim> From(Caller caller, byte[] tokenHash)
    {
        yield return new Claim(AccountId, caller.AccountId.ToString());
        yield return new Claim(TokenKey, Convert.ToHexStringLower(tokenHash.AsSpan(0, 12)));
        if (caller.InstanceId is { } id)
        {
            yield return new Claim(InstanceId, id.ToString());
            yield return new Claim(InstanceName, caller.InstanceName!);
        }
    }

    public static Caller ToCaller(this ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(AccountId)!),
        user.FindFirstValue(InstanceId) is { } id ? Guid.Parse(id) : null,
        user.FindFirstValue(InstanceName));
}
