"""The concept questions, in the order the notebooks ask them; a key starts with its notebook's number."""
from ._concepts import Question

QUESTIONS = {q.key: q for q in [
    # notebook 01: a single neuron
    Question("01-bias", "A neuron has weights w = (3, -5) and bias b = 2. The input is x = (0, 0). "
                        "What is z?",
             ["0", "-2", "2", "-3"], answer=2,
             explain="both inputs are 0, so the weights contribute nothing and only the bias is "
                     "left: z = 3·0 - 5·0 + 2 = 2.",
             nudges={0: "the weights multiply zeros, but is every term of z multiplied by an input?",
                     1: "check the sign: which part of z is left when both inputs are 0?",
                     3: "the weights only count when they multiply an input; here both inputs are 0."}),
    Question("01-frontier-scale", "A step neuron's weights and bias are all multiplied by 10: "
                                  "(w₁, w₂, b) → (10·w₁, 10·w₂, 10·b). What happens to its frontier, "
                                  "the line where z = 0?",
             ["It stays exactly where it is",
              "It moves 10 times further from the origin",
              "It turns through a right angle",
              "It flips: the 'yes' side becomes the 'no' side"], answer=0,
             explain="10·z is zero exactly where z is zero, and has the same sign everywhere, so "
                     "the line and its sides do not change.",
             nudges={1: "the bias slides the line, but the weights were scaled too: where is 10·z = 0?",
                     2: "turning the line needs a change in the *ratio* of w₁ to w₂; did it change?",
                     3: "a flip needs a sign change; is 10·z ever of the opposite sign to z?"}),
    Question("01-sigmoid-zero", "A sigmoid neuron has w = (1, 1) and b = -3, and sees the input "
                                "x = (1, 2). What does it output?",
             ["0", "1", "-3", "0.5"], answer=3,
             explain="z = 1 + 2 - 3 = 0, and the sigmoid of 0 is 1 / (1 + 1) = 0.5: halfway between "
                     "no and yes.",
             nudges={0: "that is what a *step* would say at this z; the sigmoid is smooth.",
                     1: "work out z first: is it large and positive?",
                     2: "that is the bias alone; the sigmoid's output always lies between 0 and 1."}),
    # notebook 02: the loss curve
    Question("02-why-half", "Why do we often use the half-MSE instead of the MSE?",
             ["It is always smaller, so training is faster",
              "Its slope is the plain error (ŷ - y)/n, without a stray factor 2",
              "Its lowest point is at better weights than the MSE's",
              "It punishes big errors less, compared with small ones, than the MSE"], answer=1,
             explain="the ½ cancels the 2 that the derivative of the square brings down; the "
                     "best weights are the same for both losses.",
             nudges={0: "halving a loss changes its size, but does it change which weights are best?",
                     2: "if one loss is always half the other, where are their lowest points?",
                     3: "both square the errors; does halving change how big errors compare "
                        "to small ones?"}),
    Question("02-lr-factor", "In the 'output 5' loop one correction multiplies the error by "
                             "1 - lr·(x₁² + x₂² + 1) = 1 - 6·lr. With lr = 0.2 instead of 0.1, "
                             "what happens to the error at each step?",
             ["It is multiplied by 0.8, so it shrinks more slowly",
              "It is multiplied by 0.16, the square of 0.4",
              "It is multiplied by -0.2: it flips sign and shrinks faster",
              "It grows, because the steps are too big"], answer=2,
             explain="1 - 6·0.2 = -0.2: each correction overshoots 5 and lands on the other side, "
                     "with an error five times smaller than before.",
             nudges={0: "put lr = 0.2 into 1 - 6·lr and work it out carefully.",
                     1: "the factor comes from the formula 1 - 6·lr, not from squaring the old one.",
                     3: "the error grows only when the factor is bigger than 1 in size; "
                        "is it here?"}),
    Question("02-slope-direction", "At the start of the y = 2x + 1 run the chain rule gives "
                                   "dC/dw ≈ -0.36. Which way does the next correction move w?",
             ["Up, against the slope",
              "Down, because the slope is negative",
              "It does not move, because the slope is small",
              "It depends on b, so we cannot tell"], answer=0,
             explain="the correction subtracts lr times the slope, and subtracting a negative "
                     "number makes w bigger: uphill is towards smaller w, so w goes up.",
             nudges={1: "the correction goes *against* the slope; which way is against a "
                        "negative slope?",
                     2: "a small slope makes a small step, but is it zero?",
                     3: "b is already inside the slope's value; the sign of dC/dw alone decides."}),
    # notebook 03: gradient descent and the learning rate
    Question("03-one-step",
             "A bowl has curvature 4, so dL/dw = 4w. You start at w = 1 with lr = 0.4. "
             "Where is w after one step?",
             ["0.6", "1.6", "0", "-0.6"], answer=3,
             explain="w ← w - lr · 4w = (1 - 1.6) · 1 = -0.6: lr × curvature is 1.6, between 1 "
                     "and 2, so the ball jumps across the minimum and lands closer on the other side.",
             nudges={0: "work out the factor 1 - lr × curvature first; is it positive?",
                     1: "that step went uphill: gradient descent subtracts lr · dL/dw.",
                     2: "landing exactly on the minimum needs lr × curvature = 1; here it is 1.6."}),
    Question("03-log-axis",
             "After the first few epochs the loss on a log axis is a straight line going down. "
             "What does that tell you?",
             ["Each epoch removes the same amount of loss",
              "Each epoch removes the same fraction of the loss that is left",
              "Training has stopped making progress",
              "The learning rate is too high"], answer=1,
             explain="equal steps on a log axis are equal ratios, so every epoch multiplies the "
                     "loss by the same factor below 1: fast progress early, tiny amounts later.",
             nudges={0: "a steady drop by the same amount would be a straight line on an "
                        "ordinary axis; what do equal steps mean on a log axis?",
                     2: "the line keeps going down: look at the numbers on the axis.",
                     3: "a rate that is too high shows as a loss that jumps or rises."}),
    Question("03-steep-direction",
             "In the long, narrow (w, b) valley, what decides the largest learning rate that "
             "does not diverge?",
             ["The steep direction across the valley",
              "The flat direction along the valley floor",
              "The starting point",
              "The number of epochs"], answer=0,
             explain="each direction needs lr × curvature below 2, so the steepest one (about "
                     "1.47) sets the limit: lr below about 1.36.",
             nudges={1: "the flat direction makes small rates crawl; which direction blows up "
                        "first as lr grows?",
                     2: "the start changes where the path goes, not whether each step shrinks "
                        "or grows the distance to the minimum.",
                     3: "more epochs cannot rescue steps that grow every time."}),
    Question("03-standardise",
             "After standardising x, both curvatures of the valley are 1. What will gradient "
             "descent with lr = 1 do from the same start?",
             ["Zig-zag across the valley, as lr = 1.2 did",
              "Crawl along the floor, as lr = 0.1 did",
              "Land on the minimum in a single step",
              "Diverge, because 1 is a large rate"], answer=2,
             explain="lr × curvature = 1 in every direction, so each step multiplies the distance "
                     "to the minimum by 1 - 1 = 0: one step and it is there.",
             nudges={0: "zig-zag needs lr × curvature above 1 in some direction; here it is exactly 1.",
                     1: "crawling came from the flat direction, curvature 0.06; standardising made "
                        "it 1.",
                     3: "divergence needs lr × curvature above 2; what is it here?"}),
    # notebook 04: a neuron learns the AND gate
    Question("04-push",
             "Mid-training, the neuron outputs a = 0.9 for the input (1, 0), whose right answer "
             "is 0. With log loss over the n = 4 AND examples, what is ∂L/∂z for that example?",
             ["-0.225", "0.9", "0.225", "0.02"], answer=2,
             explain="∂L/∂z = (a - y) / n = (0.9 - 0) / 4 = 0.225; it is positive, so the update "
                     "lowers z for this input and pushes its answer towards no.",
             nudges={0: "compare a with y: is the output too high or too low? The sign of "
                        "(a - y) says which.",
                     1: "the loss is a mean over the four examples: something is still to be "
                        "divided.",
                     3: "that keeps the sigmoid's slope a(1 - a), as half MSE would; with log "
                        "loss that factor cancels."}),
    Question("04-or-bias",
             "The trained AND neuron has w₁ = w₂ ≈ 4.3 and b ≈ -6.7. Which single change turns "
             "it into an OR neuron?",
             ["Make both weights negative", "Make b positive, about +6.7",
              "Make both weights smaller, about 2 each", "Make b less negative, about -2"], answer=3,
             explain="with b ≈ -2 the input (0, 0) still gives z < 0 (no), but one input alone "
                     "gives z ≈ 4.3 - 2 > 0 (yes): one input is now enough.",
             nudges={0: "work out z for (1, 1) with negative weights and a negative bias.",
                     1: "what would the neuron answer for (0, 0), where z = b?",
                     2: "with smaller weights, can even both inputs together lift z above zero?"}),
    Question("04-xor-predict",
             "The same neuron, the same loss and lr = 1 now train on XOR for 400 epochs. Before you "
             "run it: what will happen?",
             ["It learns XOR as it learned AND, only more slowly",
              "The loss diverges to infinity",
              "It learns three of the four corners and gets one wrong",
              "The loss stops falling early and the neuron ends up unsure about every corner"],
             answer=3,
             explain="run the next cell: the loss stalls at about 0.693 and every output is near 0.5. "
                     "The neuron can do no better than 'not sure' for all four.",
             nudges={0: "AND needs one line between its yes and no corners; try to draw one line "
                        "for XOR's.",
                     1: "lr = 1 trained AND smoothly, and the log loss cannot grow without bound "
                        "while the outputs stay between 0 and 1 here.",
                     2: "a line that gets three corners right exists, but the log loss prefers "
                        "being unsure about all four to being sure and wrong about one."}),
    Question("04-xor",
             "Why does a single neuron never learn XOR, however long it trains?",
             ["Its learning rate is too small",
              "Its yes-region is one side of a straight line, and no line puts XOR's two "
              "yes-examples on one side and its two no-examples on the other",
              "Log loss cannot be used for XOR",
              "XOR has too few examples to learn from"], answer=1,
             explain="a side of a line holding both yes-examples holds their midpoint (0.5, 0.5); "
                     "but that is also the no-examples' midpoint, so it would have to be on the "
                     "no side too.",
             nudges={0: "a bigger or smaller rate changes the route, not where the route can end.",
                     2: "the same loss learns AND, OR and NAND from four examples just as well.",
                     3: "AND has exactly as many examples, and the neuron learns it."}),
    # notebook 05: a multi-layer perceptron on Iris
    Question("05-xor-predict",
             "Notebook 04's single neuron stalled on XOR at a loss of 0.693. Now two hidden neurons sit "
             "between the inputs and the output, and the network trains for 500 epochs. Before you run "
             "the cell: what will happen?",
             ["The same stall: every output stays near 0.5",
              "It gets three corners right and one wrong",
              "It gets all four corners right",
              "The loss diverges: two layers are too many for four examples"],
             answer=2,
             explain="run the cell: from this start all four corners come out right, each with over 97% "
                     "certainty. (Section 1's 'Does it always work?' shows that a few starts do stall.)",
             nudges={0: "the stall came from having one line; how many lines can two hidden neurons draw?",
                     1: "the log loss keeps pushing until every corner is on its right side, if the "
                        "network can get it there.",
                     3: "a sigmoid's output stays between 0 and 1, so nothing can run off to infinity; "
                        "watch the loss in the live view below."}),
    Question("05-xor-hidden-layer",
             "Why can the 2-2-1 network solve XOR when a single neuron cannot?",
             ["Each hidden neuron draws its own line, and the output neuron combines their two "
              "answers into a region no single line could cut out.",
              "It trains for more epochs, so it has time to find the answer.",
              "Its sigmoid is curved, so one neuron's boundary bends around the corners.",
              "It has enough weights to memorise the four corners without any pattern."],
             answer=0,
             explain="one line cannot separate XOR's corners, but two lines can cut out a band, "
                     "and a hidden layer gives the network two lines to combine.",
             nudges={1: "notebook 04's neuron never solved XOR, however long it trained: what "
                        "does a single neuron's boundary always look like?",
                     2: "a single sigmoid neuron's boundary, where its output is 0.5, is still a "
                        "straight line. Look at the two hidden-neuron panels.",
                     3: "the hidden activations table shows each hidden neuron doing a readable "
                        "job. What does each one draw over the plane?"}),
    Question("05-xor-seeds",
             "The 2-2-1 network learned XOR from seed 0. Train the very same network, with the same "
             "learning rate and epochs, from 20 different random starts. How many of them get all "
             "four corners right?",
             ["All 20: with a hidden layer, XOR is always solved.",
              "Most of them, but a few starts get stuck with some corners unsure.",
              "About half: which starts work is a coin toss.",
              "None of the others: seed 0 was a lucky exception."],
             answer=1,
             explain="gradient descent only goes downhill from where it starts, and from a few starts "
                     "the two hidden lines settle where they cannot cut out the band, however long "
                     "training runs.",
             nudges={0: "a hidden layer makes a solution possible; does gradient descent always find "
                        "it from any start? Think of a ball rolling downhill into the nearest dip.",
                     2: "the live view found a solution from seed 0 without any trouble. Is success "
                        "really that rare?",
                     3: "the network has enough lines to solve XOR and gradient descent found them "
                        "once; why would every other start fail?"}),
    Question("05-standardise-train-only",
             "Why are the mean μ and spread s for standardising computed from the training set "
             "only, then reused on the test set?",
             ["The test set is too small to compute a mean and a spread.",
              "Standardising the test set on its own would change its labels.",
              "The test set stands for new flowers: nothing about it may leak into training.",
              "It is faster to compute the statistics once."],
             answer=2,
             explain="the test score is only honest if the test flowers play the part of new "
                     "flowers, which we would scale with the numbers we already had.",
             nudges={0: "30 flowers give a perfectly usable mean. Think about what the test set "
                        "is there to imitate.",
                     1: "standardising touches only the measurements X, never the species y.",
                     3: "speed is not the reason: computing a mean is instant either way. Why "
                        "must the test flowers stay untouched?"}),
    Question("05-hidden-delta-shape",
             "In backward, dZ1 = (dZ2 @ W2.T) * A1 * (1 - A1). For a mini-batch of 10 flowers "
             "in the 4-8-3 network, what shape is dZ1?",
             ["(10, 3)", "(10, 8)", "(8, 3)", "(4, 8)"],
             answer=1,
             explain="a delta has the shape of its Z: one row per flower, one column per hidden "
                     "neuron, like Z1 = X @ W1 + b1.",
             nudges={0: "that is the output layer's delta; dZ1 belongs to the hidden layer.",
                     2: "that is a weight matrix's shape; how many rows does a delta have?",
                     3: "that is a weight matrix's shape; how many rows does a delta have?"}),
    Question("05-which-bug",
             "Your gradient check flags only db in buggy_dense_backward. Which line holds the mistake?",
             ["dW = X.T @ dZ",
              "db = dZ.mean(axis=0)",
              "dX = dZ @ W.T",
              "The delta dZ it was given"],
             answer=1,
             explain="db is the only gradient that line makes, and averaging divides by n a second time: "
                     "on 10 flowers the claimed db is ten times too small.",
             nudges={0: "dW passed the check: its gradient is right.",
                     2: "dX passed the check too.",
                     3: "a wrong delta would spoil all three gradients, and dW and dX are right."}),
    Question("05-overfitting",
             "The same network now trains for 1000 epochs instead of 50, on the same 90 training "
             "flowers. What does its loss on the 30 validation flowers do?",
             ["It keeps falling with the training loss, only more slowly.",
              "It blows up at once: 1000 epochs are too many for this learning rate.",
              "It stays exactly where it was after 50 epochs.",
              "It falls at first, reaches a lowest point, then rises while the training loss keeps "
              "falling."],
             answer=3,
             explain="after a while the network learns its 90 flowers by heart rather than what makes "
                     "a species: the training loss still falls, and the loss on flowers it never saw "
                     "turns up. That is overfitting.",
             nudges={0: "the validation flowers are never trained on. Does learning the training "
                        "flowers ever more exactly have to help with them?",
                     1: "the learning rate worked for the first 50 epochs; the training loss keeps "
                        "falling smoothly. Look at the flowers it never trains on.",
                     2: "the weights keep changing for 950 more epochs; something about its answers "
                        "must change too."}),
]}


def asked_in(number):
    """Notebook ``number``'s questions ("01" to "05"), in the order it asks them."""
    return {key: question for key, question in QUESTIONS.items() if key.startswith(f"{number}-")}
