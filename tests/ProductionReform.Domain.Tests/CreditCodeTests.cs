using ProductionReform.Domain;

namespace ProductionReform.Domain.Tests;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters of 0-9 and A-Y without I, O, S, V, Z; the 18th checks the first 17.
/// </summary>
public class CreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The formula as DOMAIN.md states it, written independently of the code under test.</summary>
    private static char ExpectedCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var c = 31 - sum % 31;
        return Alphabet[c == 31 ? 0 : c];
    }

    /// <summary>17 characters drawn from the alphabet, reproducibly.</summary>
    private static IEnumerable<string> Prefixes()
    {
        var random = new Random(32100);
        for (var n = 0; n < 200; n++)
            yield return new string(Enumerable.Range(0, 17).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        yield return "91320600MA1M00000";
        yield return new string('0', 17);
        yield return new string('Y', 17);
        yield return "10000000000000000"; // sum 1 → check value 30 (Y)
    }

    // Codes published for well-known firms (in their business registrations and annual reports). Each passes the
    // independent check above; a code mis-remembered by one character would pass only one time in 31.
    [TestCase("914403001922038216", TestName = "Huawei Technologies Co., Ltd.")]
    [TestCase("91440300708461136T", TestName = "Shenzhen Tencent Computer Systems Co., Ltd.")]
    [TestCase("91330100799655058B", TestName = "Alibaba (China) Co., Ltd.")]
    [TestCase("91110000710925462X", TestName = "PetroChina Company Limited")]
    [TestCase("91110108551385082Q", TestName = "Beijing Xiaomi Technology Co., Ltd.")]
    public void Published_codes_are_valid(string code)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExpectedCheck(code[..17]), Is.EqualTo(code[17]), "the test's own formula");
            Assert.That(CreditCode.IsValid(code), Is.True);
            Assert.That(CreditCode.CheckCharacter(code.AsSpan(0, 17)), Is.EqualTo(code[17]));
        });
    }

    [Test]
    public void Constructed_codes_with_the_computed_check_character_are_valid_and_no_other_check_character_is()
    {
        Assert.Multiple(() =>
        {
            foreach (var prefix in Prefixes())
            {
                var check = ExpectedCheck(prefix);
                Assert.That(CreditCode.CheckCharacter(prefix.AsSpan()), Is.EqualTo(check), prefix);
                Assert.That(CreditCode.IsValid(prefix + check), Is.True, prefix + check);
                foreach (var other in Alphabet.Where(c => c != check))
                    Assert.That(CreditCode.IsValid(prefix + other), Is.False, prefix + other);
            }
        });
    }

    [Test]
    public void A_weighted_sum_divisible_by_31_has_check_character_zero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CreditCode.IsValid("000000000000000000"), Is.True);
            Assert.That(CreditCode.CheckCharacter("00000000000000000"), Is.EqualTo('0'));
            // 1·1 + 1·3 + 1·27 = 31 (weights of positions 1, 2 and 4): 31 − 0 = 31 becomes 0.
            Assert.That(CreditCode.CheckCharacter("11010000000000000"), Is.EqualTo('0'));
            Assert.That(CreditCode.IsValid("110100000000000000"), Is.True);
        });
    }

    [Test]
    public void A_check_character_worth_30_is_Y()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CreditCode.CheckCharacter("10000000000000000"), Is.EqualTo('Y'));
            Assert.That(CreditCode.IsValid("10000000000000000Y"), Is.True);
        });
    }

    [TestCase("914403001922038210")]
    [TestCase("914403001922038217")]
    [TestCase("91440300708461136U")]
    [TestCase("91330100799655058A")]
    [TestCase("91110000710925462Y")]
    public void A_wrong_check_character_is_invalid(string code) =>
        Assert.That(CreditCode.IsValid(code), Is.False);

    [Test]
    public void Swapping_two_different_characters_is_caught()
    {
        const string code = "91440300708461136T";
        var swapped = "91440300780461136T"; // 0 and 8 at positions 9 and 10 swapped
        Assert.Multiple(() =>
        {
            Assert.That(ExpectedCheck(swapped[..17]), Is.Not.EqualTo('T'));
            Assert.That(CreditCode.IsValid(code), Is.True);
            Assert.That(CreditCode.IsValid(swapped), Is.False);
        });
    }

    [TestCase("91440300708461136t", TestName = "Lowercase check character")]
    [TestCase("91330100799655058b", TestName = "Lowercase check character b")]
    public void Lowercase_is_invalid(string code) => Assert.That(CreditCode.IsValid(code), Is.False);

    [Test]
    public void A_lowercase_letter_in_the_body_is_invalid()
    {
        // A valid code with a letter in its body, then that letter in lowercase.
        var prefix = "91320600MA1MABCDE";
        var code = prefix + ExpectedCheck(prefix);
        Assert.Multiple(() =>
        {
            Assert.That(CreditCode.IsValid(code), Is.True, code);
            Assert.That(CreditCode.IsValid(code.ToLowerInvariant()), Is.False);
            Assert.That(CreditCode.IsValid(code[..9] + "a" + code[10..]), Is.False);
        });
    }

    [TestCase('I')]
    [TestCase('O')]
    [TestCase('S')]
    [TestCase('V')]
    [TestCase('Z')]
    public void The_letters_I_O_S_V_Z_are_not_in_the_alphabet(char letter)
    {
        const string prefix = "91320600MA1MABCDE";
        var body = prefix[..10] + letter + prefix[11..];
        Assert.Multiple(() =>
        {
            Assert.That(CreditCode.CheckCharacter(body.AsSpan()), Is.Null, body);
            // Whatever check character follows, the code is invalid.
            foreach (var check in Alphabet + letter)
                Assert.That(CreditCode.IsValid(body + check), Is.False, body + check);
            // Nor may the letter stand as the check character of a valid body.
            Assert.That(CreditCode.IsValid(prefix + letter), Is.False, prefix + letter);
        });
    }

    [TestCase("", TestName = "Empty")]
    [TestCase("9144030070846113T", TestName = "17 characters")]
    [TestCase("91440300708461136TT", TestName = "19 characters")]
    [TestCase("91440300708461136", TestName = "The 17 characters without a check")]
    [TestCase(" 91440300708461136T", TestName = "Leading space")]
    [TestCase("91440300708461136T ", TestName = "Trailing space")]
    [TestCase("9144 0300708461136T", TestName = "Inner space")]
    [TestCase("91440300-708461136T", TestName = "Hyphen")]
    [TestCase("９１４４０３００７０８４６１１３６Ｔ", TestName = "Full-width digits")]
    public void Malformed_input_is_invalid(string code) => Assert.That(CreditCode.IsValid(code), Is.False);

    [Test]
    public void Null_is_invalid() => Assert.That(CreditCode.IsValid(null), Is.False);

    [TestCase("")]
    [TestCase("1234567890123456")]
    [TestCase("123456789012345678")]
    public void The_check_character_needs_exactly_17_characters(string first17) =>
        Assert.That(CreditCode.CheckCharacter(first17.AsSpan()), Is.Null);
}
