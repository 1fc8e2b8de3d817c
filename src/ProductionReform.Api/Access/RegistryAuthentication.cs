using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProductionReform.Data;
using ProductionReform.Data.Auditing;
using ProductionReform.Domain;

namespace ProductionReform.Api.Access;

/// <summary>
/// Writers authenticate with <c>Authorization: Bearer &lt;key or JWT&gt;</c>; anonymous callers read.
/// A token with two dots is a JWT (issuer, audience and signing key from <c>Jwt:*</c>); anything else is
/// looked up as an API key.
/// </summary>
public static class RegistryAuthentication
{
    public const string Scheme = "Bearer";
    private const string ApiKeyScheme = "ApiKey";
    // Not JwtBearerDefaults.AuthenticationScheme: that is "Bearer", the name of the policy scheme above it.
    private const string JwtScheme = "Jwt";

    /// <summary>The role claim values; an admin holds both.</summary>
    public static string RoleName(RegistryRole role) => role == RegistryRole.Admin ? "ADMIN" : "EDITOR";

    public static IServiceCollection AddRegistryAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection("Jwt");
        var signingKey = jwt["SigningKey"];
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or JWT", options => options.ForwardDefaultSelector = context =>
                signingKey is not null && BearerToken(context.Request)?.Count(c => c == '.') == 2 ? JwtScheme : ApiKeyScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null);
        if (signingKey is not null)
        {
            authentication.AddJwtBearer(JwtScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt["Issuer"],
                    ValidAudience = jwt["Audience"],
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                };
            });
        }
        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddScoped<ApiKeys>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        return services;
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    public static bool IsInRole(this ClaimsPrincipal? user, RegistryRole role) =>
        user?.Identity?.IsAuthenticated == true && (user.IsInRole("ADMIN") || (role == RegistryRole.Editor && user.IsInRole("EDITOR")));

    private sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (BearerToken(Request) is not { Length: > 0 } token) return AuthenticateResult.NoResult();
            var keys = Context.RequestServices.GetRequiredService<ApiKeys>();
            var key = await DatabaseFaults.OnFreshConnectionIfStaleAsync(() => keys.FindAsync(token, Context.RequestAborted));
            if (key is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");

            var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new("key_id", key.Id.ToString()) };
            claims.Add(new Claim(ClaimTypes.Role, RoleName(key.Role)));
            var identity = new ClaimsIdentity(claims, ApiKeyScheme, ClaimTypes.Name, ClaimTypes.Role);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyScheme));
        }
    }

    /// <summary>The writer of this request, as the audit trail names them: the key name or the token subject.</summary>
    private sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
    {
        public string? Name => http.HttpContext?.User is { Identity.IsAuthenticated: true } user
            ? user.Identity!.Name ?? user.FindFirst("sub")?.Value
            : null;
        public string? CorrelationId => http.HttpContext?.TraceIdentifier;
    }
}
