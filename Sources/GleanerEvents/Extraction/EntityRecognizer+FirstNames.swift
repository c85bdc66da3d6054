extension EntityRecognizer {
    /// Given names common in international news, lower-cased: a capitalised word from this list starts a
    /// personal name ("Hillary Clinton", "Jurgen Klopp"). Names that are also common words or places ("Will",
    /// "Georgia", "May", "Paris") are left out.
    static let firstNames: Set<String> = Set(
        """
        aaron abbas abdel abdul abdullah abdulla abel abigail abraham adam adel adrian agnes ahmad ahmed aidan aileen
        akira alain alan alastair albert alberto alejandro aleksandr aleksei alex alexander alexandra alexandre
        alexandria alexei alexis alfonso alfred alfredo ali alice alicia alison allan allison alvaro amanda amber
        amelia amina amir amit amy ana anand anastasia anders andre andrea andreas andrei andres andrew andrey
        andrzej angel angela angelina angelo angus anil anita ann anna anne annette annie anthony antoine anton
        antonio anwar anya ariel arnold arthur arun ashley ashraf asif aung ayesha barack barbara barry bashar basil
        beatrice ben benedict benjamin benoit bernard bernie beth betty beverly bill billy bjorn blake bob bobby
        boris brad bradley brandon brenda brendan brett brian bridget britney bruce bruno bryan byron caitlin
        calvin cameron camilla carl carla carlos carmen carol caroline carolyn catherine cecilia cesar
        charles charlie charlotte cheryl chloe chris christina christine christoph christopher
        chuck cindy claire clara claude claudia clifford colin connor conor constance craig cristina cynthia
        dale dan dana daniel daniela danielle danny dario darren dave david dean debbie deborah deepak denis
        denise dennis derek devin diana diane diego dilma dmitri dmitry dominic dominique don donald donna
        doris dorothy doug douglas duncan dustin dwayne dylan earl ed eddie edgar edith edmund eduardo edward
        edwin elaine eleanor elena eli elias elijah elisabeth elizabeth ella ellen elliot emily emma emmanuel
        enrique eric erica erik erin ernest ernesto esther ethan eugene eva evan evelyn evgeny fabio faisal
        farah farid fatima federico felipe felix fernando fiona francesca francesco francis francisco
        frank frankie franz fred frederick gabriel gabriela gareth garry gary gavin gene geoffrey george gerald
        gerard gerhard giorgio giovanni giuseppe glen glenn gloria gordon grace graham grant greg gregory
        guillaume gustavo guy hamid hans harold harriet harry harvey hassan hazel heather heinz helen helena
        helmut henri henrik henry herbert hillary howard hugh hugo hussein ian igor ilya imran ines irene iris
        isaac isabel isabella isabelle ismail ivan jack jackie jacob jacqueline jacques jaime jake james jamie
        jan jane janet janice jason javier jean jeff jeffrey jennifer jenny jeremy jerome jerry jesse jessica
        jesus jim jimmy joan joanna joaquin joe joel johan johann johannes john johnny jon jonathan jorge
        jose josef joseph josh joshua joyce juan judith judy julia julian julie julien julio jurgen justin
        kamala kareem karen karim karin karl kate katherine kathleen kathryn katie kay keith kelly ken kenneth
        kevin khaled khalid kim kimberly kirsten klaus kofi kristen kurt kyle lance larry laura lauren laurent
        lawrence leila leo leon leonard leslie liam linda lindsay lisa lloyd logan lorenzo louis louise lucas
        lucy luis luka lynn madeleine maggie mahmoud malcolm manuel marc marcel marco marcus margaret maria
        marian marie marina mario marion mark marko martha martin marvin mary massimo mateo matt matteo
        matthew maureen max maxim maxime megan mehmet melanie melissa michael michel michele michelle miguel
        mikhail mike miles milos mohamed mohammad mohammed mona monica muhammad mustafa nadia nancy naomi
        narendra natalia natalie natasha nathan neil nelson nicholas nick nicola nicolas nicole nigel nikita
        nikolai nina noah noel nora norman nour oleg olga oliver olivia omar oscar otto owen pablo paolo
        patricia patrick paul paula pauline pedro peggy penny pete peter petr philip philippe phillip pierre
        pietro priya rachel rafael rahul raj rajesh ralph ramon randy raphael raul ray raymond rebecca reza
        ricardo richard rick rita rob robert roberta roberto robin rodrigo roger roland ronald ronnie rosa
        rose ross roy ruben rudy rupert russell ruth ryan sabine sadiq salim salman sam samantha sami samir
        samuel sandra sanjay sara sarah scott sean sebastian selena serena sergei sergey sergio
        shane shannon sharon shaun sheila shirley silvia simon simone sonia sophia sophie stanley stefan
        stefano stephan stephanie stephen steve steven stuart susan suzanne sven sylvia tamara tanya tara
        ted teresa terry theresa thierry thomas tim timothy tina todd tom tomas tommy tony tracy travis
        tyler uma valentina valerie vanessa vera veronica victor vijay vikram vincent
        vitaly vivian vladimir walter wayne wendy werner wilhelm william willie wolfgang xavier yasmin
        yosef youssef yuri yusuf yves zachary zainab zoe
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    )
}
