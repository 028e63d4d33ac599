package entities

// givenNames are common first names of the languages we read and of the
// people our news is about, with their usual spellings. A capitalised run
// that starts with one is a person ("Sergueï Choïgou", "Tara Reid"), and a
// title-case headline may take a name from them. The list needs no
// completeness: a name it lacks is still found, and still turns into a
// person when its surname recurs alone or a title stands before it.
const givenNames = `
aaron abdul abdullah adam adrian adriana agnes ahmad ahmed aiden alain alan albert alberto alejandro aleksandr
aleksandra aleksei aleksey alessandro alex alexander alexandra alexandre alexandr alexei alexeï alexej alexey
alexis alfred ali alice alicia aliaksandr alina alison amanda amber amy ana anastasia andrea andreas andrei andrej
andrew andrey andré andrés andy angela angelika angelina ann anna anne annette anthony antoine anton antonio
antónio ariel arnold arthur ashley audrey barack barbara bashar ben benjamin benoît bernard bernie betty bettie
bill billy bob bobby boris brad brandon brenda brian bruce bruno carl carla carlos carmen carol caroline
catherine charles charlie charlotte chris christian christina christine christoph christopher claire claude
claudia colin craig cristina daniel daniela danielle david dennis denis diana diane diego dirk dmitri dmitrij
dmitriy dmitry dominic dominique donald doug douglas dylan ed eddie edward elena elisabeth elizabeth ella ellen
elton emily emma emmanuel enrique eric erik ernst eva evgeny evguéni felipe ferdinand fernando florian frank
françois françoise frédéric friedrich gabriel gabriela gareth george georges gerald gerhard giorgia giovanni giuseppe
gordon grace greg gregory guillaume günter gustavo hans harry hasim heinz helen helmut henri henry hillary hugh
hugo ian igor ilya inna irina isabel isabelle ivan jack jackie jacob jacques james jan jane janet jason javier
jean jeff jeffrey jennifer jens jeremy jerry jessica jim jimmy joachim joan joe joel johann johannes john johnny
jon jonathan jordi jorge josé joseph josh joshua juan judith julia julian julie julien justin karen karl kate
katherine kathy katie keith kelly ken kevin kim kirill klaus konstantin kristina kurt larry laura laurent lee
lena lennox leon leonid linda lindsay lisa liz louis louise luc luca lucas luis luiz lukas maksim malcolm manuel
marc marcel marco margaret maria mariana marie marina mario mark marcus markus martin mary mathieu matt matteo
matthew matthias maurice max maxim maxime melania melissa michael michel michele michelle miguel mikhail
mikhaïl michail mike mikhaïl natalia natalie natalya nathalie nicholas nick nicola nicolas nicole nikita nikolai
nikolaï nikolaus nina noah oleg olaf olga olivier olivia oscar pablo pamela paolo pascal patricia patrick paul
paula pavel pedro peter petr petro philip philipp philippe pieter pierre pyotr rachel rafael ralph ramón randy raúl
rebecca recep reggie reinhard renate rené ricardo richard rick robert roberto robin roger roland roman ronald
rosa ross ruth ryan sabine sally sam samuel sandra sara sarah scott sean sebastian sebastián serge sergei sergej
sergey sergio sergiy sergueï sergiï shawn sophie stefan stefano stephen steve steven susan svetlana sviatlana
swetlana sylvie tara tatiana ted teresa theresa thomas tim timothy tina todd tom tommy tony tyler ulrich ursula
valentina valery valérie vanessa vasily vera victor viktor vincent vitali vitaly vladimir vladimír volodymyr
bart bram geert hal harold hendrik henk howard jake jared jay jeremiah jerome jesse joan jodie julio jürgen jurgen karim kyle lance leo
lewis lily logan lorenzo louis marco marvin matthieu mohamed mohammad mohammed muhammad nancy neil nelson omar
owen penelope phil quentin ray raymond rob ronnie roy russell sam seth shane simon stanley stuart sue tariq
terry travis trevor troy valentin vince walter wayne wim wouter werner william wladimir wolfgang wolodymyr xavier yann yulia yuri yvonne zurana
`
